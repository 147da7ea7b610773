package dev.flotilla.lifecycle;

import java.util.stream.Collectors;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;

/**
 * Run in child JVMs: starts (or reuses) the reusable topology named by the first argument, whose
 * service "web" has two replicas; with "scale-up" as the second argument, scales it to three and
 * leaves it so (nothing heals it: no JUnit here). Prints the replicas' containers; ends.
 */
public final class ReplicaReuseProbe {

    public static void main(String[] args) {
        try (RunningTopology running = Flotilla.topology(args[0]).reuse(true)
                .service("web", "busybox:1.36", s -> s.replicas(2).command("sleep", "3600"))
                .build()
                .start()) {
            ServiceHandle web = running.service("web");
            System.out.println("REPLICAS " + web.replicas().stream().map(ServiceHandle::containerId).collect(Collectors.joining(" ")));
            if (args[1].equals("scale-up")) {
                web.scale(3);
            }
        }
        System.exit(0);
    }
}
