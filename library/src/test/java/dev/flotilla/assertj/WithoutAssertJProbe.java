package dev.flotilla.assertj;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;

/**
 * Run in a child JVM whose class path lacks AssertJ, as a user's who does not use Flotilla's
 * assertions: says whether AssertJ is there, and runs a topology. It must not use AssertJ itself.
 */
public final class WithoutAssertJProbe {

    public static void main(String[] args) {
        try {
            Class.forName("org.assertj.core.api.Assertions");
            System.out.println("ASSERTJ present");
        } catch (ClassNotFoundException e) {
            System.out.println("ASSERTJ absent");
        }
        try (RunningTopology running = Flotilla.topology("without-assertj")
                .service("box", "busybox:1.36", s -> s.command("sleep", "600"))
                .build().start()) {
            System.out.println("RAN " + running.service("box").exec("echo", "fine").stdout().strip());
        }
        System.exit(0);
    }
}
