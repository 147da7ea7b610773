package dev.flotilla.compose;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;

/**
 * Run in a child JVM whose class path lacks SnakeYAML, as a user's who reads no compose files:
 * a topology in code runs; one with a compose file fails with what to add. It must not use AssertJ.
 */
public final class WithoutSnakeYamlProbe {

    public static void main(String[] args) {
        try {
            Class.forName("org.yaml.snakeyaml.Yaml");
            System.out.println("SNAKEYAML present");
        } catch (ClassNotFoundException e) {
            System.out.println("SNAKEYAML absent");
        }
        try (RunningTopology running = Flotilla.topology("without-snakeyaml")
                .service("box", "busybox:1.36", s -> s.command("sleep", "600"))
                .build().start()) {
            System.out.println("RAN " + running.service("box").exec("echo", "fine").stdout().strip());
        }
        try {
            Flotilla.topology("without-snakeyaml").composeFile(ComposeTopologyTest.SHOP).build();
            System.out.println("COMPOSE read");
        } catch (FlotillaConfigurationException e) {
            System.out.println("COMPOSE refused: " + e.getMessage());
        }
        System.exit(0);
    }
}
