package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PruneType;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * Without Ryuk, every JVM that used Testcontainers prunes at its exit the unused volumes labelled with
 * Testcontainers' labels and its own session. Podman 4.3 takes those label filters as alternatives, so a
 * Flotilla volume that carried them was pruned by any other JVM's exit in the moment before its container
 * was created (CrashCleanupTest on Podman found it made anew, unlabelled). On a real engine: a volume
 * made as Flotilla makes them outlives that prune, and keeps the labels its own cleanup goes by.
 */
class VolumePruneTest {

    @Test
    void anotherJvmsTestcontainersPruneLeavesAFlotillaVolumeAlone() {
        DockerClient client = DockerState.client();
        String instance = Labels.SESSION_ID.substring(0, 8); // this JVM's alone, so that a run beside it counts its own
        String name = "flotilla-volumeprune-" + instance + "-data";
        TopologyVolumes.createOne(client, name, Labels.forTopology("volumeprune", instance));
        try {
            // What Testcontainers' JVM hook prunes at the exit of a JVM of another session.
            Map<String, String> anotherJvm = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
            anotherJvm.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, "another-session");
            String[] filters = anotherJvm.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            client.pruneCmd(PruneType.VOLUMES).withLabelFilter(filters).exec();

            assertThat(DockerState.volumes(Labels.TOPOLOGY, instance)).as("the volume, after another JVM's Testcontainers prune").isEqualTo(1);
            Map<String, String> labels = client.inspectVolumeCmd(name).exec().getLabels();
            assertThat(labels).containsEntry(Labels.SESSION, Labels.SESSION_ID).containsEntry(Labels.TOPOLOGY, instance)
                    .containsKey(SessionIdentity.PID_LABEL);
            assertThat(labels.keySet()).noneMatch(key -> key.startsWith("org.testcontainers"));
        } finally {
            try {
                client.removeVolumeCmd(name).exec();
            } catch (NotFoundException e) {
                // the prune took it: the assertion above has failed already
            }
        }
        assertThatThrownBy(() -> client.inspectVolumeCmd(name).exec()).isInstanceOf(NotFoundException.class);
    }
}
