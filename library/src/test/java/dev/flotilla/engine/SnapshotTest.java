package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.dockerjava.api.model.Image;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.TopologyDefinition;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of prepared state: prepared once by its jobs, then started from, until something it depends on changes;
 * and {@code ServiceHandle.reset()}, a service put back to its snapshot between tests, without its jobs.
 *
 * <p>About 55 s on the local engine, 80 to 95 s on the remote engine and Podman, over the 60 s a class
 * should take: its eight tests start PostgreSQL again and again and build snapshot images (a
 * database's files, some 50 MB, sent to the engine each time), and a first start and a start from the
 * snapshot are what each test compares. Split into classes they would take as long, in more JVMs.
 */
class SnapshotTest {

    private static final String TOPOLOGY = "snapshot-shop";
    /** The reset tests' topologies; here, not in a class of their own, so that no other JVM's sweep removes their snapshots meanwhile. */
    private static final String RESET_SHOP = "reset-shop";
    private static final String RESET_FILES = "reset-files";

    @BeforeEach
    @AfterEach
    void removeSnapshots() {
        System.clearProperty(FlotillaSettings.SNAPSHOTS);
        for (String topology : List.of(TOPOLOGY, RESET_SHOP, RESET_FILES)) {
            for (Image image : snapshotsOf(topology)) {
                DockerState.client().removeImageCmd(image.getId()).withForce(true).exec();
            }
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
        assertThat(imageNames()).as("the committed container's temporary name is gone").noneMatch(name -> name.contains("-committed-"));

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

    @Test
    void aResetPutsThePreparedRowsBackOnTheSameHostPortWhetherTheSnapshotWasTakenOrRestored() {
        for (int start = 1; start <= 2; start++) {
            try (RunningTopology running = SnapshotShop.of(RESET_SHOP, 500).start()) {
                ServiceHandle db = running.service("db");
                int port = db.mappedPort(5432);
                String before = db.containerId();
                psql(db, "insert into orders select generate_series(1, 42)");
                assertThat(psql(db, "select count(*) from orders")).isEqualTo("542");

                db.reset();

                assertThat(psql(db, "select count(*) from orders")).as("start %d", start).isEqualTo("500");
                assertThat(db.containerId()).isNotEqualTo(before);
                assertThat(db.mappedPort(5432)).isEqualTo(port);
                assertThat(running.service("app").isRunning()).as("what depends on db keeps running").isTrue();
                // The new container has the old one's name on the network; Podman's DNS may not answer it yet.
                ServiceHandle app = running.service("app");
                var endpoint = DockerState.endpointOn(db.containerId(), running.networkName());
                assertThat(endpoint.getAliases()).contains("db");
                assertThat(DockerState.holdsOnceSettled(() -> reaches(app, endpoint.getIpAddress()))).isTrue();
                if (DockerState.dnsAnswersRightAfterAStop()) {
                    assertThat(reaches(app, "db")).isTrue();
                }
            }
        }
        assertThat(snapshotsOf(RESET_SHOP)).hasSize(1);
        assertThat(DockerState.leftoversOfName(RESET_SHOP)).isZero();
    }

    @Test
    void aResetEmptiesTheServicesOwnVolumeAndRefillsItFromTheSnapshot() {
        try (RunningTopology running = files(false).start()) {
            ServiceHandle store = running.service("store");
            store.exec("sh", "-c", "echo dirt > /data/dirt");
            store.reset();
            assertThat(store.exec("cat", "/data/seed").stdout()).isEqualTo("seeded\n");
            assertThat(store.exec("ls", "/data").stdout()).doesNotContain("dirt");
        }
        assertThat(DockerState.leftoversOfName(RESET_FILES)).isZero();
    }

    @Test
    void aServiceWithoutASnapshotOrWithASharedVolumeIsNotReset() {
        try (RunningTopology running = files(true).start()) {
            assertThatThrownBy(() -> running.service("store").reset())
                    .isInstanceOf(FlotillaException.class)
                    .hasMessage("Cannot reset service \"store\": it shares volume \"data\" with service \"reader\", and a reset would"
                            + " empty it for both. Fix: give each service its own volume.");
            assertThatThrownBy(() -> running.service("reader").reset())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot reset service \"reader\": it has no snapshot to go back to. Fix: mark it snapshot = true"
                            + " (@Service(snapshot = true) or .snapshot()), and keep the setting flotilla.snapshots on.");
            assertThat(running.service("store").isRunning()).as("a refused reset changes nothing").isTrue();
        }
        System.setProperty(FlotillaSettings.SNAPSHOTS, "off");
        try (RunningTopology running = files(false).start()) {
            assertThatThrownBy(() -> running.service("store").reset()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("it has no snapshot to go back to");
        }
    }

    /** A store that seeds its own volume as it first starts; with {@code shared}, a reader mounts the same volume. */
    private static TopologyDefinition files(boolean shared) {
        var builder = Flotilla.topology(RESET_FILES)
                .service("store", "busybox:1.36", s -> s.volume("data", "/data").snapshot().waitForPorts(8080).ports(8080)
                        .command("sh", "-c", "[ -f /data/seed ] || echo seeded > /data/seed;"
                                // A shell that ends on SIGTERM: httpd as process 1 would ignore it, and the snapshot's stop would wait 30 s.
                                + " trap 'exit 0' TERM; httpd -f -p 8080 -h /data & wait"))
                .service("prepare", "busybox:1.36", s -> s.job().dependsOn("store").command("wget", "-q", "-O-", "http://store:8080/seed"));
        if (shared) {
            builder.service("reader", "busybox:1.36", s -> s.volume("data", "/data").command("sleep", "600"));
        }
        return builder.build();
    }

    private static String psql(ServiceHandle db, String sql) {
        return db.exec("psql", "-U", "shop", "-d", "shop", "-tAc", sql).stdout().strip();
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
        String prefix = "flotilla-" + TOPOLOGY + "-";
        return DockerState.events(sinceEpochSeconds, query -> query.withEventFilter("create").withLabelFilter(Map.of(Labels.TOPOLOGY_NAME, TOPOLOGY)))
                .stream()
                .map(event -> event.getActor().getAttributes())
                .filter(attributes -> attributes.get("name") != null && attributes.get("name").startsWith(prefix))
                .map(attributes -> attributes.get(Labels.SERVICE))
                .toList();
    }

    private static String orders(RunningTopology running) {
        return running.service("db").exec("psql", "-U", "shop", "-d", "shop", "-tAc", "select count(*) from orders").stdout().strip();
    }

    private static List<Image> snapshots() {
        return snapshotsOf(TOPOLOGY);
    }

    private static List<String> imageNames() {
        return DockerState.client().listImagesCmd().exec().stream()
                .flatMap(image -> image.getRepoTags() == null ? Stream.<String>empty() : Stream.of(image.getRepoTags()))
                .toList();
    }

    private static List<Image> snapshotsOf(String topology) {
        return DockerState.client().listImagesCmd().withLabelFilter(Map.of(Snapshots.TOPOLOGY_LABEL, topology)).exec();
    }

    /** Whether {@code client} opens a connection to PostgreSQL's port at {@code server} (a name or an address). */
    private static boolean reaches(ServiceHandle client, String server) {
        return client.exec("sh", "-c", "echo | nc -w 2 " + server + " 5432 && echo reached").stdout().contains("reached");
    }
}
