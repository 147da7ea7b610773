package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** A JVM killed with SIGKILL runs no shutdown hook, and still leaves no container behind: its watchdog removes them. */
class CrashCleanupExampleTest {

    /** The JVM that gets killed: starts a topology, says which container it runs, and waits. */
    public static void main(String[] args) throws Exception {
        RunningTopology running = Flotilla.topology("doomed").service("cache", "redis:7", cache -> cache.ports(6379)).build().start();
        System.out.println("CONTAINER " + running.service("cache").containerId());
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void theContainersOfAKilledJvmAreRemoved() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashCleanupExampleTest.class.getName()).redirectErrorStream(true).start();
        String container = new BufferedReader(new InputStreamReader(jvm.getInputStream())).lines()
                .filter(line -> line.startsWith("CONTAINER ")).findFirst().orElseThrow().substring("CONTAINER ".length());
        assertThat(isThere(container)).isTrue();

        jvm.destroyForcibly().waitFor(); // kill -9
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (isThere(container) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(isThere(container)).as("the killed JVM's container, 15 s later").isFalse();
    }

    private static boolean isThere(String container) {
        return !DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).withIdFilter(List.of(container)).exec().isEmpty();
    }
}
