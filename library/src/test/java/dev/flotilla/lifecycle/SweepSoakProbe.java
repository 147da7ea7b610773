package dev.flotilla.lifecycle;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;

/**
 * Run in a child JVM of {@link ManyJvmsSweepTest}: starts and stops topologies one after another
 * for the seconds given, each named {@code <prefix>-<n>}, and says when each is up and when its own
 * teardown begins. Before each teardown it checks that its container still runs; {@code LOST} says
 * it did not.
 */
public final class SweepSoakProbe {

    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < deadline; round++) {
            String name = prefix + "-" + round;
            try (RunningTopology running = Flotilla.topology(name)
                    .service("box", "busybox:1.36", s -> s.command("sleep", "600")).build().start()) {
                System.out.println("UP " + name);
                Thread.sleep(500 + (round % 4) * 400L); // others' sweeps run meanwhile
                try {
                    String answer = running.service("box").exec("echo", "alive").stdout().trim();
                    System.out.println(answer.equals("alive") ? "CHECKED " + name : "LOST " + name + " answered " + answer);
                } catch (RuntimeException e) {
                    System.out.println("LOST " + name + " " + e);
                }
                System.out.println("CLOSING " + name + " " + System.currentTimeMillis());
            }
        }
        System.exit(0);
    }
}
