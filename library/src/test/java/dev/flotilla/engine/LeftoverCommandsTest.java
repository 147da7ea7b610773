package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The commands a failed teardown's message gives: those for the kinds of resource it left, and no others. */
class LeftoverCommandsTest {

    @Test
    void containersAndVolumesByTheInstancesLabelNetworksByName() {
        assertThat(LeftoverCommands.of("ab12", true, List.of("flotilla-net-1", "flotilla-shop-ab12-backend"), true)).isEqualTo(
                "docker rm -f $(docker ps -aq --filter label=dev.flotilla.topology=ab12);"
                        + " docker network rm flotilla-net-1 flotilla-shop-ab12-backend;"
                        + " docker volume rm $(docker volume ls -q --filter label=dev.flotilla.topology=ab12)");
    }

    @Test
    void onlyWhatWasLeft() {
        assertThat(LeftoverCommands.of("ab12", false, List.of("flotilla-net-1"), false)).isEqualTo("docker network rm flotilla-net-1");
        assertThat(LeftoverCommands.of("ab12", true, List.of(), false))
                .isEqualTo("docker rm -f $(docker ps -aq --filter label=dev.flotilla.topology=ab12)");
        assertThat(LeftoverCommands.of("ab12", false, List.of(), false)).isEmpty();
    }
}
