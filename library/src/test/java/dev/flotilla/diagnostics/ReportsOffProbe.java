package dev.flotilla.diagnostics;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.Labels;
import dev.flotilla.engine.RunReport;

/** Run in a child JVM with flotilla.reports=off: starts and removes a topology whose service talks, and says where reports went. */
public final class ReportsOffProbe {

    public static void main(String[] args) {
        try (RunningTopology running = Flotilla.topology("reportsoff")
                .service("talker", "busybox:1.36", s -> s.command("sh", "-c", "echo hello; sleep 600").waitForLog("hello", 1))
                .build()
                .start()) {
            System.out.println("STARTED " + running.serviceNames());
        }
        System.out.println("SESSION " + Labels.SESSION_ID);
        System.out.println("DIRECTORY " + RunReport.get().directory());
        System.exit(0);
    }
}
