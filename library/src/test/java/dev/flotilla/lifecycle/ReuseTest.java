package dev.flotilla.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reuse across runs, run by run: each run is its own JVM, as with a developer re-running a test. */
class ReuseTest {

    private static final String ON = "-Dflotilla.reuse.enabled=true";

    @AfterEach
    void removeReusableInstancesOfThisTest() {
        DockerClient client = DockerState.client();
        for (Container container : reusableContainers()) {
            client.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        client.listNetworksCmd().withFilter("label", List.of(Labels.TOPOLOGY_NAME + "=reuseprobe")).exec()
                .forEach(n -> client.removeNetworkCmd(n.getId()).exec());
    }

    @Test
    void aLaterRunAttachesToTheKeptInstanceAndAChangedModelGetsItsOwn() throws Exception {
        Run first = run("a", ON);
        assertThat(reusableContainers()).extracting(Container::getId).containsExactly(first.container());
        assertThat(reusableContainers().get(0).getLabels()).doesNotContainKey(Labels.SESSION);

        Run second = run("a", ON);
        assertThat(second.container()).isEqualTo(first.container());
        assertThat(second.runs()).as("state kept between runs").isEqualTo(2);
        assertThat(second.output()).contains("Reusing topology reuseprobe");

        Run changed = run("b", ON);
        assertThat(changed.container()).isNotEqualTo(first.container());
        assertThat(changed.runs()).isEqualTo(1);
        assertThat(reusableContainers()).hasSize(2);
    }

    @Test
    void instancesUnusedForTheirTimeToLiveAreRemovedByTheNextRun() throws Exception {
        Run kept = run("a", ON);
        Thread.sleep(2500);

        Run next = run("b", ON, "-Dflotilla.reuse.ttl=2s");

        assertThat(reusableContainers()).extracting(Container::getId).containsExactly(next.container()).doesNotContain(kept.container());
    }

    @Test
    void withoutTheGlobalSwitchNothingIsKept() throws Exception {
        Run first = run("a");
        Run second = run("a");

        assertThat(second.container()).isNotEqualTo(first.container());
        assertThat(second.runs()).isEqualTo(1);
        assertThat(reusableContainers()).isEmpty();
    }

    private static List<Container> reusableContainers() {
        return DockerState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.REUSABLE, "true", Labels.TOPOLOGY_NAME, "reuseprobe")).exec();
    }

    private record Run(String container, int runs, String output) {
    }

    private static Run run(String mark, String... jvmOptions) throws Exception {
        ChildJvm child = ChildJvm.start(ReuseProbe.class, Map.of(), new ArrayList<>(List.of(jvmOptions)), mark);
        assertThat(child.awaitExit(120)).as(child.output()).isZero();
        String output = child.output();
        return new Run(child.awaitLine("CONTAINER ", 1).split(" ")[1].trim(),
                Integer.parseInt(child.awaitLine("RUNS ", 1).split(" ")[1].trim()), output);
    }
}
