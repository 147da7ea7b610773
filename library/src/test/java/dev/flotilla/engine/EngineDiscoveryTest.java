package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.flotilla.support.ContainerJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flotilla finds the engine the way Testcontainers does, so whatever works for Testcontainers
 * works for Flotilla: here only {@code tc.host} in {@code ~/.testcontainers.properties} names it,
 * on a machine with no socket and no DOCKER_HOST. Needs a remote engine to point at, named by
 * {@value #REMOTE} (.ci/run sets it to the docker-lab's remote engine); skipped without one.
 */
class EngineDiscoveryTest {

    static final String REMOTE = "FLOTILLA_TEST_REMOTE_DOCKER_HOST";

    @Test
    void tcHostInTheTestcontainersPropertiesIsEnough(@TempDir Path home) throws Exception {
        String remote = System.getenv(REMOTE);
        assumeTrue(remote != null && !remote.isBlank(), REMOTE + " names a remote engine");
        Files.writeString(home.resolve(".testcontainers.properties"), "tc.host=" + remote + "\n");
        home.toFile().setReadable(true, false);

        try (ContainerJvm jvm = ContainerJvm.startWithoutEngine(EngineDiscoveryProbe.class,
                Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), home)) {
            jvm.awaitExit(120);

            assertThat(jvm.output()).as(jvm.output())
                    .contains("HOST " + URI.create(remote).getHost())
                    .contains("REPLY +PONG")
                    .doesNotContain("FAILED");
        }
    }
}
