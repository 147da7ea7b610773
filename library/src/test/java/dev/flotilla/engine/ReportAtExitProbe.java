package dev.flotilla.engine;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;

/** Run in a child JVM: starts a topology and ends without closing it, so the JVM's exit removes it and writes the run report. */
public final class ReportAtExitProbe {

    public static void main(String[] args) {
        RunningTopology running = Flotilla.topology("report-at-exit")
                .service("store", "busybox:1.36", s -> s.ports(6000).command("sh", "-c", "echo store up; exec httpd -f -p 6000"))
                .service("reader", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("store"))
                .build()
                .start();
        System.out.println("READY " + running.instanceId());
    }
}
