package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/**
 * Reuse across runs, for a fast edit-and-rerun loop on a developer machine. It is opt-in twice:
 * {@code reuse = true} here, and {@code -Dflotilla.reuse.enabled=true} (or
 * {@code FLOTILLA_REUSE_ENABLED=true}) on the machine. Without the second, as in CI, the
 * topology simply lives for this run.
 */
@Topology(reuse = true)
@Service(name = "db", image = "postgres:15", ports = 5432, env = "POSTGRES_PASSWORD=example",
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
class ReuseExampleTest {

    @Test
    void databaseIsThere(ServiceHandle db) {
        assertThat(db.exec("psql", "-U", "postgres", "-tAc", "select 1").stdout()).isEqualTo("1\n");
    }
}
