package dev.flotilla.lifecycle;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.Labels;

/** Run in a child JVM that the test kills with SIGKILL: starts a topology, says so, and waits. */
public final class CrashProbe {

    public static void main(String[] args) throws Exception {
        RunningTopology running = Flotilla.topology("crashprobe")
                .service("cache", "redis:7", s -> s.ports(6379).volume("cache-data", "/data"))
                .service("worker", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("cache"))
                .build()
                .start();
        System.out.println("READY " + Labels.SESSION_ID + " " + running.instanceId());
        Thread.sleep(600_000);
    }
}
