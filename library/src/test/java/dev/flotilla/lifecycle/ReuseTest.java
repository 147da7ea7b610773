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

/**
 * Reuse across runs, run by run: each run is its own JVM, as with a developer re-running a test.
 *
 * <p>About 80 s in CI, over the 60 s a class should take: its six tests make some fifteen runs, each a
 * fresh JVM that loads Testcontainers, connects and starts or attaches (4 to 6 s on two cores). A run
 * in this JVM would prove nothing: reuse is about what a later JVM finds.
 */
class ReuseTest {

    private static final String ON = "-Dflotilla.reuse.enabled=true";
    /** Unique per test JVM, so that runs of this test on other checkouts of the same engine do not meet. */
    private static final String NAME = "reuseprobe-" + Labels.SESSION_ID.substring(0, 8);

    @AfterEach
    void removeReusableInstancesOfThisTest() {
        DockerClient client = DockerState.client();
        for (Container container : reusableContainers()) {
            client.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        client.listNetworksCmd().withFilter("label", List.of(Labels.TOPOLOGY_NAME + "=" + NAME)).exec()
                .forEach(n -> client.removeNetworkCmd(n.getId()).exec());
    }

    @Test
    void aLaterRunAttachesToTheKeptInstanceAndAChangedModelGetsItsOwn() throws Exception {
        Run first = run("a", ON);
        assertThat(reusableCaches()).extracting(Container::getId).containsExactly(first.container());
        assertThat(reusableCaches().get(0).getLabels()).doesNotContainKey(Labels.SESSION);

        Run second = run("a", ON);
        assertThat(second.container()).isEqualTo(first.container());
        assertThat(second.runs()).as("state kept between runs").isEqualTo(2);
        assertThat(second.seeded()).as("the job, ended with 0, is reused, not run again").isEqualTo(1);
        assertThat(second.output()).contains("Reusing topology " + NAME);

        Run changed = run("b", ON);
        assertThat(changed.container()).isNotEqualTo(first.container());
        assertThat(changed.runs()).isEqualTo(1);
        assertThat(reusableCaches()).hasSize(2);
    }

    @Test
    void aLaterRunAttachesToEveryReplicaAndAnInstanceLeftScaledIsStartedAfresh() throws Exception {
        List<String> first = replicaRun("keep");
        assertThat(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(reusableContainers()).extracting(Container::getId).containsExactlyInAnyOrderElementsOf(first);

        List<String> second = replicaRun("scale-up");
        assertThat(second).as("the replicas kept, attached to one by one").isEqualTo(first);
        assertThat(reusableContainers()).hasSize(3);

        // Three replicas of a service declared with two: not the declared topology, so not reused.
        List<String> third = replicaRun("keep");
        assertThat(third).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(reusableContainers()).extracting(Container::getId).containsExactlyInAnyOrderElementsOf(third);
    }

    private static List<String> replicaRun(String mode) throws Exception {
        ChildJvm child = ChildJvm.start(ReplicaReuseProbe.class, Map.of(), new ArrayList<>(List.of(ON)), NAME, mode);
        assertThat(child.awaitExit(120)).as(child.output()).isZero();
        return List.of(child.awaitLine("REPLICAS ", 1).trim().split(" ")).subList(1, 3);
    }

    @Test
    void instancesUnusedForTheirTimeToLiveAreRemovedByTheNextRun() throws Exception {
        Run kept = run("a", ON);
        Thread.sleep(2500);

        Run next = run("b", ON, "-Dflotilla.reuse.ttl=2s");

        assertThat(reusableCaches()).extracting(Container::getId).containsExactly(next.container()).doesNotContain(kept.container());
    }

    @Test
    void withoutTheGlobalSwitchNothingIsKept() throws Exception {
        Run first = run("a");
        Run second = run("a");

        assertThat(second.container()).isNotEqualTo(first.container());
        assertThat(second.runs()).isEqualTo(1);
        assertThat(reusableContainers()).isEmpty();
    }

    @Test
    void anInstanceThatAnotherLiveJvmHoldsBrokenIsLeftToItAndThisRunStartsItsOwn() throws Exception {
        try (Holder holder = Holder.start("hold-broken")) {
            long since = System.currentTimeMillis() / 1000;

            long started = System.nanoTime();
            ChildJvm other = ChildJvm.start(HeldReuseProbe.class, Map.of(), List.of(ON), NAME, "use");
            assertThat(other.awaitExit(180)).as(other.output()).isZero();
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(state(holder.cache())).as("the held instance's cache; the other run said:%n%s", other.output()).isEqualTo("running");
            assertThat(state(holder.box())).as("the held instance's box, stopped by its holder").isEqualTo("exited");
            assertThat(other.output()).contains("USED PONG ok", "starting an instance for this run only");
            String session = other.awaitLine("SESSION ", 1).trim().split(" ")[1];
            assertThat(DockerState.createdServices(Map.of(Labels.SESSION, session), since)).as("the other run's own instance")
                    .containsExactlyInAnyOrder("cache", "box");
            assertThat(DockerState.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.SESSION, session)).exec())
                    .as("the other run's own instance, after that run").isEmpty();
            assertThat(DockerState.client().listNetworksCmd().withFilter("label", List.of(Labels.SESSION + "=" + session)).exec()).isEmpty();
            assertThat(millis).as("the other run waited for nothing").isLessThan(30_000);

            assertThat(holder.release()).contains("STILL PONG");
        }
    }

    @Test
    void anInstanceThatAnotherLiveJvmHoldsIsNeverExpired() throws Exception {
        try (Holder holder = Holder.start("hold")) {
            Thread.sleep(2500);

            run("b", ON, "-Dflotilla.reuse.ttl=2s");

            assertThat(state(holder.cache())).as("the held instance's cache, after a run whose time to live it exceeded").isEqualTo("running");
            assertThat(state(holder.box())).isEqualTo("running");
            assertThat(holder.release()).contains("STILL PONG");
        }
    }

    /** A child JVM that holds the reusable instance ({@link HeldReuseProbe}), with the ids of its containers. */
    private record Holder(ChildJvm jvm, String cache, String box) implements AutoCloseable {

        static Holder start(String mode) throws Exception {
            ChildJvm jvm = ChildJvm.start(HeldReuseProbe.class, Map.of(), List.of(ON), NAME, mode);
            try {
                jvm.awaitLine("HOLDING", 120);
                String[] instance = jvm.awaitLine("INSTANCE ", 1).trim().split(" ");
                return new Holder(jvm, instance[2], instance[3]);
            } catch (Exception | AssertionError e) {
                jvm.process().destroy();
                throw e;
            }
        }

        /** Lets the holder go on and end; returns its output. */
        String release() throws Exception {
            jvm.process().getOutputStream().write('\n');
            jvm.process().getOutputStream().flush();
            assertThat(jvm.awaitExit(60)).as(jvm.output()).isZero();
            return jvm.output();
        }

        @Override
        public void close() {
            jvm.process().destroy();
        }
    }

    /** A container's state, as Docker says it: running, exited, ... or gone. */
    private static String state(String containerId) {
        return DockerState.client().listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().stream()
                .map(Container::getState).findFirst().orElse("gone");
    }

    private static List<Container> reusableCaches() {
        return reusableContainers().stream().filter(c -> "cache".equals(c.getLabels().get(Labels.SERVICE))).toList();
    }

    private static List<Container> reusableContainers() {
        return DockerState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.REUSABLE, "true", Labels.TOPOLOGY_NAME, NAME)).exec();
    }

    private record Run(String container, int runs, int seeded, String output) {
    }

    private static Run run(String mark, String... jvmOptions) throws Exception {
        ChildJvm child = ChildJvm.start(ReuseProbe.class, Map.of(), new ArrayList<>(List.of(jvmOptions)), NAME, mark);
        assertThat(child.awaitExit(120)).as(child.output()).isZero();
        String output = child.output();
        return new Run(child.awaitLine("CONTAINER ", 1).split(" ")[1].trim(),
                Integer.parseInt(child.awaitLine("RUNS ", 1).split(" ")[1].trim()),
                Integer.parseInt(child.awaitLine("SEEDED ", 1).split(" ")[1].trim()), output);
    }
}
