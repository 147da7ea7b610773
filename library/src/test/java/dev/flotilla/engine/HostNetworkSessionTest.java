package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.support.ContainerJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * A JVM in a container on the host network (a CI job, a dev container) has this machine's host
 * name, boot and engine, but a PID namespace of its own: its PID means nothing here, and ours
 * nothing there. Neither side's sweep of dead sessions may take the other's live topology for
 * the leftover of a dead JVM.
 */
class HostNetworkSessionTest {

    /** Unique per test JVM, so that runs on other checkouts of the same engine do not meet. */
    private static final String NAME = "hostnet-" + Labels.SESSION_ID.substring(0, 8);

    @Test
    void sweepsOnEitherSideLeaveTheOtherSidesLiveTopologyAlone() throws Exception {
        DockerClient client = DockerState.client();
        try (RunningTopology here = Flotilla.topology(NAME + "-here").service("box", "busybox:1.36", s -> s.command("sleep", "600")).build().start();
             ContainerJvm there = ContainerJvm.start(SweepingProbe.class, Map.of(), NAME + "-there")) {
            String session = there.awaitLine("READY ", 180).trim().split(" ")[1];
            List<String> theirs = runningContainersOf(client, session);
            assertThat(theirs).as("the container JVM's topology, 2 services; its output:%n%s", there.output()).hasSize(2);
            assertThat(there.output()).as("the container JVM swept dead sessions").contains("SWEPT ");
            assertThat(runningContainersOf(client, Labels.SESSION_ID)).as("this JVM's topology after the container JVM's sweep")
                    .contains(here.service("box").containerId());

            int removed = SessionSweeper.sweepDeadSessions(client);

            assertThat(runningContainersOf(client, session)).as("the container JVM's topology after this JVM's sweep (which removed %d)", removed)
                    .containsExactlyInAnyOrderElementsOf(theirs);
            Map<String, String> labels = client.inspectContainerCmd(theirs.get(0)).exec().getConfig().getLabels();
            assertThat(labels).as("the situation: the same host and boot, another PID namespace")
                    .containsEntry("dev.flotilla.owner.host", Files.readString(Path.of("/etc/hostname")).trim())
                    .containsEntry("dev.flotilla.owner.boot", Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim())
                    .containsKey("dev.flotilla.owner.pid-namespace");
            assertThat(labels.get("dev.flotilla.owner.pid-namespace")).isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());

            assertThat(there.stop(30)).as("exit code on SIGTERM; output:%n%s", there.output()).isEqualTo(143);
            assertThat(client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.SESSION, session)).exec())
                    .as("the container JVM removed its topology when it ended").isEmpty();
            assertThat(client.listNetworksCmd().withFilter("label", List.of(Labels.SESSION + "=" + session)).exec()).isEmpty();
        }
        assertThat(DockerState.leftoversOfName(NAME + "-here")).isZero();
    }

    private static List<String> runningContainersOf(DockerClient client, String session) {
        return client.listContainersCmd().withLabelFilter(Map.of(Labels.SESSION, session)).exec().stream()
                .filter(c -> c.getLabels().containsKey(Labels.TOPOLOGY)) // not the container the JVM runs in
                .map(Container::getId).toList();
    }

    /**
     * Run in the container: starts a topology (the first start of a JVM sweeps in the background),
     * sweeps once more and waits for that, says so, then holds the topology until stopped.
     */
    public static final class SweepingProbe {
        public static void main(String[] args) throws Exception {
            RunningTopology running = Flotilla.topology(args[0])
                    .service("cache", "redis:7", s -> s.ports(6379))
                    .service("worker", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("cache"))
                    .build()
                    .start();
            System.out.println("SWEPT " + SessionSweeper.sweepDeadSessions(DockerEngine.get().client()));
            System.out.println("READY " + Labels.SESSION_ID + " " + running.instanceId());
            Thread.sleep(600_000);
        }
    }
}
