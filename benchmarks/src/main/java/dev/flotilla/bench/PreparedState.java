package dev.flotilla.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyDefinition;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL with a prepared schema (50 tables, 10,000 rows): Testcontainers' PostgreSQL module
 * preparing it on every start, against Flotilla preparing it with a one-shot job (snapshots off),
 * preparing it and keeping a snapshot, and starting from that snapshot.
 */
final class PreparedState {

    static final String TC = "Testcontainers' PostgreSQL module, prepared over JDBC";
    static final String FLOTILLA_PREPARED = "Flotilla, prepared by a one-shot job (snapshots off)";
    static final String FLOTILLA_KEPT = "Flotilla, prepared and the snapshot kept (first start)";
    static final String FLOTILLA_RESTORED = "Flotilla, started from the snapshot";
    static final String TC_AGAIN = "Testcontainers' module, between tests: the schema dropped and prepared again in the same container";
    static final String FLOTILLA_RESET = "Flotilla, between tests: reset() to the snapshot";
    static final List<String> ROWS = List.of(TC, FLOTILLA_PREPARED, FLOTILLA_KEPT, FLOTILLA_RESTORED, TC_AGAIN, FLOTILLA_RESET);
    static final String COLUMN = "PostgreSQL, 50 tables, 10,000 rows, to ready";
    private static final String TOPOLOGY = "bench-prepared";
    private static final String SNAPSHOT_TOPOLOGY_LABEL = "dev.flotilla.snapshot.topology";
    /** 50 tables of 200 rows each. */
    static final String SCHEMA = "DO $$ BEGIN FOR i IN 1..50 LOOP"
            + " EXECUTE format('create table t%s (id int primary key, name text, price numeric)', i);"
            + " EXECUTE format('insert into t%s select g, ''item '' || g, g * 1.5 from generate_series(1, 200) g', i);"
            + " END LOOP; END $$;";

    private PreparedState() {
    }

    static void run(int warmup, int rounds, Samples samples) throws Exception {
        TopologyDefinition shop = topology();
        try {
            for (int round = 1 - warmup; round <= rounds; round++) {
                Samples into = round >= 1 ? samples : new Samples();
                removeSnapshots();
                System.setProperty("flotilla.snapshots", "off");
                into.add(FLOTILLA_PREPARED, COLUMN, timed(shop));
                System.clearProperty("flotilla.snapshots");
                into.add(FLOTILLA_KEPT, COLUMN, timed(shop));
                into.add(FLOTILLA_RESTORED, COLUMN, timed(shop));
                into.add(FLOTILLA_RESET, COLUMN, reset(shop));
                double[] tc = testcontainers();
                into.add(TC, COLUMN, tc[0]);
                into.add(TC_AGAIN, COLUMN, tc[1]);
                Thread.sleep(300);
            }
        } finally {
            System.clearProperty("flotilla.snapshots");
            removeSnapshots();
        }
    }

    private static double timed(TopologyDefinition shop) {
        long start = System.nanoTime();
        try (RunningTopology running = shop.start()) {
            double millis = (System.nanoTime() - start) / 1e6;
            checkSchema(running);
            return millis;
        }
    }

    /** A test's changes (a table dropped, rows added), then the time {@code reset()} takes to put the prepared state back. */
    private static double reset(TopologyDefinition shop) {
        try (RunningTopology running = shop.start()) {
            running.service("db").exec("psql", "-U", "shop", "-d", "shop", "-c", "drop table t1; insert into t2 values (1000, 'x', 1)");
            long start = System.nanoTime();
            running.service("db").reset();
            double millis = (System.nanoTime() - start) / 1e6;
            checkSchema(running);
            return millis;
        }
    }

    private static void checkSchema(RunningTopology running) {
        String tables = running.service("db").exec("psql", "-U", "shop", "-d", "shop", "-tAc",
                "select count(*) from information_schema.tables where table_schema = 'public'").stdout().strip();
        if (!tables.equals("50")) {
            throw new IllegalStateException("expected 50 tables, found " + tables);
        }
    }

    /** The start and first preparation, then a test's changes and the time the same container takes to be prepared again. */
    private static double[] testcontainers() throws Exception {
        long start = System.nanoTime();
        try (PostgreSQLContainer db = new PostgreSQLContainer("postgres:15").withDatabaseName("shop")) {
            db.start();
            try (Connection connection = DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(), db.getPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute(SCHEMA);
                double first = (System.nanoTime() - start) / 1e6;
                statement.execute("drop table t1; insert into t2 values (1000, 'x', 1)");
                long again = System.nanoTime();
                statement.execute("drop schema public cascade; create schema public");
                statement.execute(SCHEMA);
                return new double[] {first, (System.nanoTime() - again) / 1e6};
            }
        }
    }

    private static TopologyDefinition topology() {
        return Flotilla.topology(TOPOLOGY)
                .service("db", "postgres:15", s -> s.ports(5432).snapshot().label(Busybox.LABEL, Busybox.RUN_ID)
                        .env("POSTGRES_USER", "shop").env("POSTGRES_PASSWORD", "shop").env("POSTGRES_DB", "shop")
                        .waitForCommand("pg_isready", "-h", "127.0.0.1", "-U", "shop", "-d", "shop"))
                .service("migrate", "postgres:15", s -> s.job().dependsOn("db").label(Busybox.LABEL, Busybox.RUN_ID)
                        .entrypoint("psql", "postgresql://shop:shop@db:5432/shop", "-v", "ON_ERROR_STOP=1", "-c", SCHEMA))
                .build();
    }

    private static void removeSnapshots() {
        DockerClient docker = DockerClientFactory.instance().client();
        for (Image image : docker.listImagesCmd().withLabelFilter(Map.of(SNAPSHOT_TOPOLOGY_LABEL, TOPOLOGY)).exec()) {
            docker.removeImageCmd(image.getId()).withForce(true).exec();
        }
    }
}
