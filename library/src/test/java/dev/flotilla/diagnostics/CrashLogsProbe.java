package dev.flotilla.diagnostics;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.RunReport;

/** Run in a child JVM that the test kills with SIGKILL: a service that ticks every 100 ms, with a secret in every line. */
public final class CrashLogsProbe {

    public static void main(String[] args) throws Exception {
        RunningTopology running = Flotilla.topology("crashlogs")
                .service("ticker", "busybox:1.36", s -> s.secret("API_TOKEN", args[0])
                        .command("sh", "-c", "i=0; while true; do echo \"tick $i token $API_TOKEN\"; i=$((i+1)); sleep 0.1; done")
                        .waitForLog("tick 5 ", 1))
                .build()
                .start();
        System.out.println("READY " + running.instanceId() + " " + RunReport.get().directory().orElseThrow());
        Thread.sleep(600_000);
    }
}
