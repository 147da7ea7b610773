package dev.flotilla.lifecycle;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;

/** Run in child JVMs: starts (or reuses) a reusable topology whose one setting is the argument, prints its container, ends. */
public final class ReuseProbe {

    public static void main(String[] args) {
        try (RunningTopology running = Flotilla.topology("reuseprobe").reuse(true)
                .service("cache", "redis:7", s -> s.ports(6379).env("MARK", args[0]))
                .build()
                .start()) {
            System.out.println("CONTAINER " + running.service("cache").containerId());
            running.service("cache").exec("redis-cli", "incr", "runs");
            System.out.println("RUNS " + running.service("cache").exec("redis-cli", "get", "runs").stdout().trim());
        }
        System.exit(0);
    }
}
