package dev.flotilla.engine;

import dev.flotilla.Flotilla;
import dev.flotilla.TopologyDefinition;

/** The snapshot tests' shop: PostgreSQL (its data in a volume) marked snapshot, prepared by a migration job, and an app after it. */
final class SnapshotShop {

    private SnapshotShop() {
    }

    /** The shop as topology {@code name}, its job inserting {@code rows} orders. */
    static TopologyDefinition of(String name, int rows) {
        String migrate = "psql postgresql://shop:shop@db:5432/shop -v ON_ERROR_STOP=1 -c 'create table orders (id int)'"
                + " -c 'insert into orders select generate_series(1, " + rows + ")' && echo migrated";
        return Flotilla.topology(name)
                .service("db", s -> s.dockerfile("src/test/resources/snapshot/postgres-with-volume").ports(5432).snapshot()
                        .env("POSTGRES_USER", "shop").env("POSTGRES_PASSWORD", "shop").env("POSTGRES_DB", "shop")
                        // Over TCP: the server of the image's first initialization listens on its socket only.
                        .waitForCommand("pg_isready", "-h", "127.0.0.1", "-U", "shop", "-d", "shop"))
                .service("migrate", "postgres:15", s -> s.job().dependsOn("db").entrypoint("sh", "-c", migrate))
                .service("app", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("migrate"))
                .build();
    }
}
