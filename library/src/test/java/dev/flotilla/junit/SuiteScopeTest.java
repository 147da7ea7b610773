package dev.flotilla.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import dev.flotilla.support.ParallelRun;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Scope SUITE: twelve classes, run in parallel, ask for the same topology at about the same
 * moment; Docker's own event log must show its containers created exactly once, and they stay
 * for the rest of the JVM.
 */
class SuiteScopeTest {

    static final Set<String> CACHE_IDS = ConcurrentHashMap.newKeySet();
    static final Set<String> OTHER_IDS = ConcurrentHashMap.newKeySet();

    @Retention(RUNTIME)
    @Target(TYPE)
    @Topology(name = "suitestack", scope = Scope.SUITE)
    @Service(name = "cache", image = "redis:7", ports = 6379)
    @Service(name = "worker", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "cache")
    @interface SuiteStack {
    }

    /** The same services declared by hand, not through @SuiteStack: an equal model, so the same instance. */
    @Topology(name = "suitestack", scope = Scope.SUITE)
    @Service(name = "cache", image = "redis:7", ports = 6379)
    @Service(name = "worker", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "cache")
    static class SpelledOutTestCase {
        @Test
        void uses(ServiceHandle cache) {
            CACHE_IDS.add(cache.containerId());
        }
    }

    /** One setting differs: a different model, so its own instance. */
    @Topology(name = "suitestack", scope = Scope.SUITE)
    @Service(name = "cache", image = "redis:7", ports = 6379, env = "DIFFERENT=1")
    static class DifferentTestCase {
        @Test
        void uses(ServiceHandle cache) {
            OTHER_IDS.add(cache.containerId());
        }
    }

    abstract static class SuiteUser {
        @Test
        void usesTheSharedCache(ServiceHandle cache, ServiceHandle worker) {
            assertThat(worker.exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout()).contains("PONG");
            CACHE_IDS.add(cache.containerId());
        }
    }

    @SuiteStack static class User01TestCase extends SuiteUser { }
    @SuiteStack static class User02TestCase extends SuiteUser { }
    @SuiteStack static class User03TestCase extends SuiteUser { }
    @SuiteStack static class User04TestCase extends SuiteUser { }
    @SuiteStack static class User05TestCase extends SuiteUser { }
    @SuiteStack static class User06TestCase extends SuiteUser { }
    @SuiteStack static class User07TestCase extends SuiteUser { }
    @SuiteStack static class User08TestCase extends SuiteUser { }
    @SuiteStack static class User09TestCase extends SuiteUser { }
    @SuiteStack static class User10TestCase extends SuiteUser { }

    @Test
    void equalTopologiesStartOncePerRunEvenWhenClassesAskAtOnce() {
        long since = System.currentTimeMillis() / 1000;
        List<Class<?>> classes = List.of(User01TestCase.class, User02TestCase.class, User03TestCase.class, User04TestCase.class,
                User05TestCase.class, User06TestCase.class, User07TestCase.class, User08TestCase.class, User09TestCase.class,
                User10TestCase.class, SpelledOutTestCase.class, DifferentTestCase.class);

        var results = ParallelRun.concurrent(EngineTestKit.engine("junit-jupiter"))
                .selectors(classes.stream().map(c -> (DiscoverySelector) selectClass(c)).toArray(DiscoverySelector[]::new))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(12).succeeded(12));
        assertThat(CACHE_IDS).hasSize(1);
        assertThat(OTHER_IDS).hasSize(1).doesNotContainAnyElementsOf(CACHE_IDS);
        // Docker's record: one "cache" and one "worker" for the eleven equal classes, one "cache" for the different one.
        assertThat(DockerState.createdServices("suitestack", since)).containsExactlyInAnyOrder("cache", "worker", "cache");
        // Both instances belong to this JVM now, for later classes; they are removed when it ends (SuitePerJvmTest).
        assertThat(DockerState.containers(Labels.TOPOLOGY_NAME, "suitestack")).hasSize(3)
                .allSatisfy(container -> assertThat(container.getState()).isEqualTo("running"));
    }
}
