package dev.flotilla.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * Scope SUITE means one instance per JVM, however the build tool hands classes to JUnit: here one
 * launcher run per class, which ends JUnit's root context after every class. The JVM removes the
 * instance itself when it ends.
 */
class SuitePerJvmTest {

    @Test
    void classesHandedToJUnitOneByOneShareOneInstanceRemovedWhenTheJvmEnds() throws Exception {
        long since = System.currentTimeMillis() / 1000;
        ChildJvm child = ChildJvm.start(SuitePerJvmProbe.class, Map.of(),
                List.of("-Dorg.slf4j.simpleLogger.log.dev.flotilla.engine.StartedTopology=debug"));
        assertThat(child.awaitExit(180)).as(child.output()).isZero();

        String output = child.output();
        assertThat(output).as(output).contains("STATS succeeded=4 failed=0", "SEEN 2");
        String session = child.awaitLine("SESSION ", 1).split(" ")[1].trim();
        assertThat(DockerState.createdServices(Map.of(Labels.SESSION, session), since)).as("containers created by session %s", session)
                .containsExactlyInAnyOrder("cache", "worker");
        // Removed by the JVM on its way out (its shutdown hook), not left to the watchdog.
        assertThat(output).containsPattern("Removed topology suiteperjvm \\([0-9a-f]+\\) in \\d+ ms");
        assertThat(DockerState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.SESSION, session)).exec()).isEmpty();
    }
}
