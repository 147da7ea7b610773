package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A Testcontainers module as a service: its own waits and getJdbcUrl(), on the topology's network under its service name. */
@Topology
@Service(name = "db", factory = "postgres")
@Service(name = "app", image = "busybox:1.36", command = {"sleep", "3600"}, dependsOn = "db")
class ModuleAsServiceTest {

    static PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:15").withDatabaseName("shop");
    }

    @Test
    void theModulesHelpersWorkAndOtherServicesReachItByName(PostgreSQLContainer db, ServiceHandle app) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(), db.getPassword())) {
            assertThat(connection.isValid(2)).isTrue();
        }
        assertThat(app.exec("sh", "-c", "nc -w 2 db 5432 </dev/null && echo reachable").stdout()).contains("reachable");
    }
}
