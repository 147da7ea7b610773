package dev.flotilla.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * A compose file as teams write it: PostgreSQL healthy by {@code pg_isready} (over the Unix
 * socket), no published ports, and a migration that connects over the network once it is
 * healthy. The image's first initialization runs a server on the socket only for two seconds
 * (its init script sleeps), so the health check passes while the migration would be refused.
 */
class HealthcheckBeforeListeningTest {

    private static final String STACK = "src/test/resources/compose/health/compose.yaml";
    private static final String HEALTH_ONLY = "src/test/resources/compose/health/health-only.yaml";

    @Test
    void aHealthyServiceWithoutPortsIsReadyOnceItsImagesPortIsListenedOn() {
        try (RunningTopology running = Flotilla.topology("health-listening").composeFile(STACK).build().start()) {
            ServiceHandle migrate = running.service("migrate");
            assertThat(migrate.state().exitCode()).hasValue(0);
            assertThat(migrate.logs()).contains("migrated");
            ServiceHandle db = running.service("db");
            assertThat(db.exec("psql", "-U", "postgres", "-d", "shop", "-tAc", "select count(*) from orders").stdout()).isEqualTo("0\n");
        }
        assertThat(DockerState.leftoversOfName("health-listening")).isZero();
    }

    @Test
    void theLabelSwitchesThePortOffAndTheDependentRacesTheInitServerAsInCompose() {
        var definition = Flotilla.topology("health-only").composeFile(STACK, HEALTH_ONLY).build();

        // Ready when healthy alone, as Docker Compose has it: the migration connects while only the socket is served.
        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("\"migrate\"")
                .hasMessageContaining("exited with code 2")
                .hasMessageContaining("Connection refused");
        assertThat(DockerState.leftoversOfName("health-only")).isZero();
    }
}
