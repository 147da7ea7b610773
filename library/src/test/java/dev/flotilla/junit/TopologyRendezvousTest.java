package dev.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flotilla.RunningTopology;
import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.resolve.AnnotationTopologyResolver;
import dev.flotilla.resolve.TopologyDeclaration;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * An integration that needs a class's topology before the extension's callbacks (a Spring test
 * context) and the extension meet on one instance, whichever comes first, and JUnit removes it.
 */
class TopologyRendezvousTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Topology(name = "rendezvous")
    @Service(name = "app", image = "busybox:1.36", command = {"sleep", "600"})
    static class ClassScopeTestCase {
        @Test
        void first(RunningTopology topology) {
            SEEN.add(topology.instanceId() + " " + (TopologyRendezvous.obtain(ClassScopeTestCase.class, declarationOf(ClassScopeTestCase.class))
                    .instanceId()));
        }
    }

    @Topology(name = "rendezvous-per-test", scope = Scope.METHOD)
    @Service(name = "app", image = "busybox:1.36", command = {"sleep", "600"})
    static class MethodScopeTestCase {
        @Test
        void first(RunningTopology topology) {
            SEEN.add(topology.instanceId());
        }
    }

    @Test
    void anInstanceStartedBeforeTheClassIsTheOneItsTestsGetAndJUnitRemovesIt() {
        SEEN.clear();
        String early = TopologyRendezvous.obtain(ClassScopeTestCase.class, declarationOf(ClassScopeTestCase.class)).instanceId();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ClassScopeTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN).containsExactly(early + " " + early);
        assertThat(DockerState.containers("dev.flotilla.topology", early)).isEmpty();
    }

    @Test
    void aMethodScopedInstanceStartedBeforeTheTestIsThatTestsOne() {
        SEEN.clear();
        String early = TopologyRendezvous.obtain(MethodScopeTestCase.class, declarationOf(MethodScopeTestCase.class)).instanceId();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MethodScopeTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN).containsExactly(early);
        assertThat(DockerState.containers("dev.flotilla.topology", early)).isEmpty();
    }

    private static TopologyDeclaration declarationOf(Class<?> testClass) {
        return AnnotationTopologyResolver.resolve(testClass).orElseThrow();
    }
}
