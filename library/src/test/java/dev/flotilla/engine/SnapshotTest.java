package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Image;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyDefinition;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots of prepared state: prepared once by its jobs, then started from, until something it depends on changes. */
class SnapshotTest {

    private static final String TOPOLOGY = "snapshot-shop";

    @BeforeEach
    @AfterEach
    void removeSnapshots() {
        System.clearProperty(FlotillaSettings.SNAPSHOTS);
        for (Image image : snapshots()) {
            DockerState.client().removeImageCmd(image.getId()).withForce(true).exec();
        }
    }

    @Test
    void theFirstStartPreparesAndKeepsTheStateAndLaterStartsBeginFromItWithoutTheJob() {
        try (RunningTopology running = shop(500).start()) {
            assertThat(running.serviceNames()).containsExactly("db", "migrate", "app");
            assertThat(running.service("migrate").state().exitCode()).hasValue(0);
            assertThat(orders(running)).isEqualTo("500");
            assertThat(containersOf(running)).containsExactlyInAnyOrder("db", "migrate", "app");
        }
        assertThat(snapshots()).hasSize(1);
        assertThat(snapshots().get(0).getRepoTags()[0]).contains("flotilla-snapshot/db:"); // Podman names it docker.io/flotilla-snapshot/...

        long restoredSince = Instant.now().getEpochSecond();
        try (RunningTopology running = shop(500).start()) {
            assertThat(running.serviceNames()).as("the job that prepared db is left out").containsExactly("db", "app");
            assertThat(orders(running)).isEqualTo("500");
            assertThat(DockerState.client().inspectContainerCmd(running.service("db").containerId()).exec().getConfig().getImage())
                    .contains("flotilla-snapshot/db:");
            assertThat(running.service("app").isRunning()).isTrue();
            assertThat(containersOf(running)).as("no container for the job").containsExactlyInAnyOrder("db", "app");
        }
        // Docker's event log (its last 256 events) as a second witness that the job's container was never made.
        assertThat(createdContainers(restoredSince)).doesNotContain("migrate");
        assertThat(snapshots()).as("no second snapshot of the same state").hasSize(1);
        assertThat(DockerState.leftoversOfName(TOPOLOGY)).isZero();
    }

    @Test
    void aChangedJobPreparesAgainAndKeepsANewSnapshot() {
        try (RunningTopology running = shop(500).start()) {
            assertThat(orders(running)).isEqualTo("500");
        }
        try (RunningTopology running = shop(7).start()) {
            assertThat(running.serviceNames()).contains("migrate");
            assertThat(orders(running)).isEqualTo("7");
        }
        assertThat(snapshots()).hasSize(2);
        assertThat(DockerState.leftoversOfName(TOPOLOGY)).isZero();
    }

    @Test
    void withSnapshotsOffTheJobsPrepareEveryTimeAndNothingIsKept() {
        System.setProperty(FlotillaSettings.SNAPSHOTS, "off");
        for (int i = 0; i < 2; i++) {
            try (RunningTopology running = shop(3).start()) {
                assertThat(running.serviceNames()).contains("migrate");
                assertThat(orders(running)).isEqualTo("3");
            }
        }
        assertThat(snapshots()).isEmpty();
    }

    @Test
    void snapshotsOlderThanTheirTimeToLiveAreRemoved() {
        try (RunningTopology running = shop(2).start()) {
            assertThat(orders(running)).isEqualTo("2");
        }
        assertThat(snapshots()).hasSize(1);
        assertThat(Snapshots.sweepExpired(DockerState.client(), Duration.ofDays(1))).as("a fresh one stays").isZero();
        assertThat(Snapshots.sweepExpired(DockerState.client(), Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(snapshots()).isEmpty();
    }

    @Test
    void aSnapshotNeedsAJobThatPreparesItAndOneContainer() {
        assertThatThrownBy(() -> Flotilla.topology("snapshot-bad").service("db", "postgres:15", s -> s.snapshot()).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("service \"db\" snapshot in Flotilla.topology(\"snapshot-bad\"): no one-shot job depends on \"db\","
                        + " so nothing prepares the state to keep. Fix: declare the job that prepares it");
        assertThatThrownBy(() -> Flotilla.topology("snapshot-bad")
                .service("db", "postgres:15", s -> s.snapshot().replicas(2))
                .service("migrate", "postgres:15", s -> s.job().snapshot().dependsOn("db")).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("a service of 2 replicas cannot be kept as one snapshot")
                .hasMessageContaining("a one-shot job cannot be kept as a snapshot");
    }

    private static TopologyDefinition shop(int rows) {
        return SnapshotShop.of(TOPOLOGY, rows);
    }

    /** The services of the instance's containers, as Docker lists them. */
    private static List<String> containersOf(RunningTopology running) {
        return DockerState.containers(Labels.TOPOLOGY, running.instanceId()).stream().map(c -> c.getLabels().get(Labels.SERVICE)).toList();
    }

    /**
     * The services whose containers Flotilla created since then, by their names: the build of a
     * snapshot image makes short-lived containers of its own, which carry the committed container's labels.
     */
    private static List<String> createdContainers(long sinceEpochSeconds) {
        List<String> services = new CopyOnWriteArrayList<>();
        String prefix = "flotilla-" + TOPOLOGY + "-";
        try {
            DockerState.client().eventsCmd().withSince(String.valueOf(sinceEpochSeconds))
                    .withUntil(String.valueOf(System.currentTimeMillis() / 1000 + 1)).withEventFilter("create")
                    .withLabelFilter(Map.of(Labels.TOPOLOGY_NAME, TOPOLOGY))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            String name = event.getActor().getAttributes().get("name");
                            if (name != null && name.startsWith(prefix)) {
                                services.add(event.getActor().getAttributes().get(Labels.SERVICE));
                            }
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return services;
    }

    private static String orders(RunningTopology running) {
        return running.service("db").exec("psql", "-U", "shop", "-d", "shop", "-tAc", "select count(*) from orders").stdout().strip();
    }

    private static List<Image> snapshots() {
        return DockerState.client().listImagesCmd().withLabelFilter(Map.of(Snapshots.TOPOLOGY_LABEL, TOPOLOGY)).exec();
    }
}
