package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.Image;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.TopologyDefinition;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ServiceHandle.reset()}: a service put back to its snapshot between tests, without its jobs, on real containers. */
class SnapshotResetTest {

    private static final String SHOP = "reset-shop";
    private static final String FILES = "reset-files";

    @BeforeEach
    @AfterEach
    void removeSnapshots() {
        System.clearProperty(FlotillaSettings.SNAPSHOTS);
        for (String topology : List.of(SHOP, FILES)) {
            for (Image image : snapshotsOf(topology)) {
                DockerState.client().removeImageCmd(image.getId()).withForce(true).exec();
            }
        }
    }

    @Test
    void aResetPutsThePreparedRowsBackOnTheSameHostPortWhetherTheSnapshotWasTakenOrRestored() {
        for (int start = 1; start <= 2; start++) {
            try (RunningTopology running = SnapshotShop.of(SHOP, 500).start()) {
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
                assertThat(running.service("app").exec("sh", "-c", "echo | nc -w 2 db 5432 && echo reached").stdout()).contains("reached");
            }
        }
        assertThat(snapshotsOf(SHOP)).hasSize(1);
        assertThat(DockerState.leftoversOfName(SHOP)).isZero();
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
        assertThat(DockerState.leftoversOfName(FILES)).isZero();
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
        var builder = Flotilla.topology(FILES)
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

    private static List<Image> snapshotsOf(String topology) {
        return DockerState.client().listImagesCmd().withLabelFilter(Map.of(Snapshots.TOPOLOGY_LABEL, topology)).exec();
    }
}
