package dev.flotilla.spring.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Asks Docker itself, not Flotilla, what is left. */
public final class Docker {

    private Docker() {
    }

    /** The names of the containers, of any state, of the topology named {@code name}. */
    public static List<String> containersOfTopology(String name) {
        try {
            Process ps = new ProcessBuilder("docker", "ps", "-a", "--filter", "label=dev.flotilla.topology.name=" + name, "--format", "{{.Names}}")
                    .redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ps.waitFor() != 0) {
                throw new IllegalStateException("docker ps failed: " + out);
            }
            return out.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("docker ps could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
