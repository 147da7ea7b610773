package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A Testcontainers module as a service: its own waits and helpers, Flotilla's network, names, labels, order and teardown. */
class ContainerFactoryTest {

    @Test
    void aModuleJoinsTheTopologyUnderItsNameAndKeepsItsHelpers() throws Exception {
        String containerId;
        try (RunningTopology running = Flotilla.topology("factory")
                .container("db", () -> new PostgreSQLContainer("postgres:15"), s -> s.aliases("postgres"))
                .service("client", "postgres:15", s -> s.entrypoint("sleep", "600").dependsOn("db"))
                .build().start()) {
            ServiceHandle db = running.service("db");
            PostgreSQLContainer postgres = db.container(PostgreSQLContainer.class);
            assertThat(postgres.isRunning()).isTrue();
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
                 ResultSet row = connection.createStatement().executeQuery("select 40 + 2")) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(42);
            }
            // Other services reach it by its name and aliases on the topology's network.
            ServiceHandle client = running.service("client");
            assertThat(client.exec("pg_isready", "-h", "db", "-p", "5432").exitCode()).isZero();
            assertThat(client.exec("pg_isready", "-h", "postgres", "-p", "5432").exitCode()).isZero();
            assertThat(db.mappedPort(5432)).isEqualTo(postgres.getMappedPort(5432));

            containerId = db.containerId();
            InspectContainerResponse inspection = DockerState.client().inspectContainerCmd(containerId).exec();
            assertThat(inspection.getName()).startsWith("/flotilla-factory-db-");
            assertThat(inspection.getConfig().getLabels()).containsAllEntriesOf(Map.of(Labels.SESSION, Labels.SESSION_ID,
                    Labels.TOPOLOGY, running.instanceId(), Labels.SERVICE, "db"));
            assertThat(inspection.getNetworkSettings().getNetworks()).containsKey(running.networkName());
            assertThat(db.logs()).contains("database system is ready to accept connections");
            assertThat(running.serviceNames()).containsExactly("db", "client");
        }
        assertThat(DockerState.leftoversOfName("factory")).isZero();
    }

    @Test
    void whatIsNotAContainerObjectAndWhatTheObjectConfiguresItselfAreRefused() {
        assertThatThrownBy(() -> Flotilla.topology("factory-bad")
                .container("db", () -> new PostgreSQLContainer("postgres:15"), s -> s.ports(5432).env("A", "b"))
                .build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("comes from a container factory")
                .hasMessageContaining("and also declares ports, env or secrets")
                .hasMessageContaining("configure these on the container object in the factory");

        @SuppressWarnings({"unchecked", "rawtypes"})
        java.util.function.Supplier<GenericContainer<?>> notAContainer = (java.util.function.Supplier) () -> "redis:7";
        var definition = Flotilla.topology("factory-not").container("db", notAContainer).build();
        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("made a java.lang.String, not a Testcontainers GenericContainer");
        assertThat(DockerState.leftoversOfName("factory-not")).isZero();

        try (RunningTopology running = Flotilla.topology("factory-plain").service("cache", "busybox:1.36", s -> s.command("sleep", "600"))
                .build().start()) {
            assertThatThrownBy(() -> running.service("cache").container(PostgreSQLContainer.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Service \"cache\" was not made by a container factory");
        }
    }

    @Test
    void aModuleThatFailsToStartFailsTheTopologyAndLeavesNothing() {
        var definition = Flotilla.topology("factory-fails")
                .container("db", () -> new PostgreSQLContainer("postgres:15").withEnv("POSTGRES_INITDB_ARGS", "--no-such-option")
                        .withStartupTimeout(java.time.Duration.ofSeconds(10)))
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("Service \"db\"");
        assertThat(DockerState.leftoversOfName("factory-fails")).isZero();
    }
}
