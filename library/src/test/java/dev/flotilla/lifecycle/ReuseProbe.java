package dev.flotilla.lifecycle;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;

/**
 * Run in child JVMs: starts (or reuses) the reusable topology named by the first argument, whose
 * one setting is the second argument; prints its container, how many runs used it and how often its
 * job ran; ends.
 */
public final class ReuseProbe {

    public static void main(String[] args) {
        try (RunningTopology running = Flotilla.topology(args[0]).reuse(true)
                .service("cache", "redis:7", s -> s.ports(6379).env("MARK", args[1]))
                // A one-shot job: reused as it ended (exited with 0), not run again.
                .service("seed", "redis:7", s -> s.job().dependsOn("cache").command("redis-cli", "-h", "cache", "incr", "seeded"))
                .build()
                .start()) {
            System.out.println("CONTAINER " + running.service("cache").containerId());
            running.service("cache").exec("redis-cli", "incr", "runs");
            System.out.println("RUNS " + running.service("cache").exec("redis-cli", "get", "runs").stdout().trim());
            System.out.println("SEEDED " + running.service("cache").exec("redis-cli", "get", "seeded").stdout().trim());
        }
        System.exit(0);
    }
}
