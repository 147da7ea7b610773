package dev.flotilla.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * Two test JVMs at once, each running classes in parallel threads against one suite-scoped
 * topology: no collision, one instance per JVM, nothing removed under the other.
 */
class TwoJvmsTest {

    @Test
    void twoJvmsRunTheSameSuiteSideBySide() throws Exception {
        long since = System.currentTimeMillis() / 1000;
        ChildJvm first = ChildJvm.start(ParallelSuiteProbe.class, Map.of(), List.of());
        ChildJvm second = ChildJvm.start(ParallelSuiteProbe.class, Map.of(), List.of());
        first.awaitExit(180);
        second.awaitExit(180);

        for (ChildJvm child : List.of(first, second)) {
            assertThat(child.output()).as(child.output()).contains("STATS succeeded=12 failed=0", "SEEN 2");
            String session = child.awaitLine("SESSION ", 1).split(" ")[1].trim();
            assertThat(DockerState.createdServices(Map.of(Labels.SESSION, session), since)).as("containers created by session %s", session)
                    .containsExactlyInAnyOrder("cache", "web");
            assertThat(DockerState.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(Labels.SESSION, session)).exec()).isEmpty();
        }
    }
}
