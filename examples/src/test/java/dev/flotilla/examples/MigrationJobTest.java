package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/** A one-shot job: the database is migrated before anything that depends on the job starts. */
@Topology
@Service(name = "db", image = "postgres:15", ports = 5432,
        env = {"POSTGRES_USER=shop", "POSTGRES_PASSWORD=shop", "POSTGRES_DB=shop"},
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
@Service(name = "migrate", image = "postgres:15", job = true, dependsOn = "db",
        entrypoint = {"psql", "postgresql://shop:shop@db:5432/shop", "-v", "ON_ERROR_STOP=1",
                "-c", "create table orders (id int primary key, sku text)", "-c", "insert into orders values (1, 'widget')"})
@Service(name = "app", image = "busybox:1.36", command = {"sleep", "3600"}, dependsOn = "migrate")
class MigrationJobTest {

    @Test
    void theAppStartsOnAMigratedDatabase(ServiceHandle db, ServiceHandle migrate) {
        assertThat(migrate.state().exitCode()).hasValue(0); // ran to completion; a non-zero exit fails the start
        assertThat(db.exec("psql", "-U", "shop", "-d", "shop", "-tAc", "select sku from orders").stdout()).contains("widget");
    }
}
