package dev.flotilla.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with SIGKILL runs no shutdown hook; with Ryuk disabled, only Flotilla's watchdog
 * can remove its containers. Counted through Docker, over time.
 */
class CrashCleanupTest {

    @Test
    void everythingOfAKilledJvmIsGoneWithinFifteenSeconds() throws Exception {
        ChildJvm child = ChildJvm.start(CrashProbe.class, Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), List.of());
        String[] ready = child.awaitLine("READY ", 120).split(" ");
        String session = ready[1];
        assertThat(countOfSession(session)).as("2 containers and a network").isEqualTo(3);

        long killedAt = System.nanoTime();
        child.process().destroyForcibly(); // SIGKILL
        child.process().waitFor();

        List<String> timeline = new ArrayList<>();
        long remaining;
        do {
            Thread.sleep(250);
            remaining = countOfSession(session);
            timeline.add(((System.nanoTime() - killedAt) / 1_000_000) + " ms: " + remaining);
        } while (remaining > 0 && System.nanoTime() - killedAt < 30_000_000_000L);

        long millis = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(remaining).as("left after %d ms; timeline %s", millis, timeline).isZero();
        assertThat(millis).as("timeline %s", timeline).isLessThan(15_000);
        System.out.println("Containers and network of the killed JVM gone " + millis + " ms after SIGKILL");
    }

    @Test
    void startingATopologySweepsDeadSessionsOfThisMachineButNothingAlive() throws Exception {
        DockerClient client = DockerState.client();
        Process deadProcess = new ProcessBuilder("true").start();
        deadProcess.waitFor();
        Process liveProcess = new ProcessBuilder("sleep", "120").start();
        String host = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).trim();
        String dead = orphan(client, "dead", host, deadProcess.pid(), "");
        String live = orphan(client, "live", host, liveProcess.pid(),
                String.valueOf(liveProcess.info().startInstant().orElseThrow().toEpochMilli()));
        String reused = orphan(client, "reused", host, liveProcess.pid(), "1");
        String elsewhere = orphan(client, "elsewhere", "another-machine", deadProcess.pid(), "");
        try {
            // A fresh JVM sweeps when it starts its first topology: run one in a child.
            ChildJvm child = ChildJvm.start(SweepProbe.class, Map.of(), List.of());
            assertThat(child.awaitExit(120)).as(child.output()).isZero();

            assertThat(exists(client, dead)).as("a dead JVM's container").isFalse();
            assertThat(exists(client, reused)).as("a container whose PID now belongs to another process").isFalse();
            assertThat(exists(client, live)).as("a live JVM's container").isTrue();
            assertThat(exists(client, elsewhere)).as("another machine's container").isTrue();
        } finally {
            liveProcess.destroy();
            for (String id : List.of(dead, live, reused, elsewhere)) {
                if (exists(client, id)) {
                    client.removeContainerCmd(id).withForce(true).exec();
                }
            }
        }
    }

    /** A container labelled as if a session of that host and process had created it. */
    private static String orphan(DockerClient client, String name, String host, long pid, String pidStart) {
        return client.createContainerCmd("busybox:1.36").withCmd("sleep", "600")
                .withLabels(Map.of(Labels.SESSION, "test-orphan-" + name + "-" + Labels.SESSION_ID,
                        "dev.flotilla.host", host, "dev.flotilla.pid", String.valueOf(pid), "dev.flotilla.pid.start", pidStart))
                .exec().getId();
    }

    private static boolean exists(DockerClient client, String id) {
        return !client.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty();
    }

    private static long countOfSession(String session) {
        DockerClient client = DockerState.client();
        long containers = client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.SESSION, session)).exec().size();
        long networks = client.listNetworksCmd().withFilter("label", List.of(Labels.SESSION + "=" + session)).exec().size();
        return containers + networks;
    }

    /** Starts and stops one topology, which makes its JVM sweep dead sessions. */
    public static final class SweepProbe {
        public static void main(String[] args) throws Exception {
            try (RunningTopology running = Flotilla.topology("sweepprobe").service("box", "busybox:1.36", s -> s.command("sleep", "60")).build().start()) {
                Thread.sleep(2000); // the sweep runs beside the start
            }
            System.exit(0);
        }
    }
}
