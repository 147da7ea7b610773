package dev.flotilla.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** SnakeYAML is optional: without it, everything but compose files works, and a compose file says what to add. */
class ComposeWithoutSnakeYamlTest {

    @Test
    void withoutSnakeYamlATopologyRunsAndAComposeFileNamesTheDependencyToAdd() throws Exception {
        ChildJvm child = ChildJvm.startWithout(WithoutSnakeYamlProbe.class, "snakeyaml");

        assertThat(child.awaitExit(120)).as(child.output()).isZero();
        assertThat(child.output()).contains("SNAKEYAML absent", "RAN fine",
                "COMPOSE refused: Reading compose files needs SnakeYAML, which is not on the class path."
                        + " Fix: add the test dependency org.yaml:snakeyaml (2.x).");
    }
}
