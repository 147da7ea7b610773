package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/** A database prepared once by its migration job, then started from a snapshot of that state, without the job, and reset to it. */
@Topology
@Service(name = "db", image = "postgres:15", ports = 5432, snapshot = true,
        env = {"POSTGRES_USER=shop", "POSTGRES_PASSWORD=shop", "POSTGRES_DB=shop"},
        waitFor = @WaitFor(command = {"pg_isready", "-h", "127.0.0.1", "-U", "shop", "-d", "shop"}))
@Service(name = "migrate", image = "postgres:15", job = true, dependsOn = "db",
        entrypoint = {"psql", "postgresql://shop:shop@db:5432/shop", "-v", "ON_ERROR_STOP=1",
                "-c", "create table products (id int primary key, name text)",
                "-c", "insert into products select g, 'product ' || g from generate_series(1, 1000) g"})
class SnapshotExampleTest {

    @Test
    void theSchemaIsThereWhetherPreparedNowOrStartedFromTheSnapshot(ServiceHandle db) {
        assertThat(products(db)).isEqualTo("1000");
    }

    @Test
    void aTestThatChangesTheDataPutsThePreparedStateBack(ServiceHandle db) {
        db.exec("psql", "-U", "shop", "-d", "shop", "-c", "delete from products where id > 10");
        assertThat(products(db)).isEqualTo("10");

        db.reset(); // a new container from the snapshot, on the same host port; the job does not run again

        assertThat(products(db)).isEqualTo("1000");
    }

    private static String products(ServiceHandle db) {
        return db.exec("psql", "-U", "shop", "-d", "shop", "-tAc", "select count(*) from products").stdout().strip();
    }
}
