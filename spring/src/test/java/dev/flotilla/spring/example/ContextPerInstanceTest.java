package dev.flotilla.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import dev.flotilla.RunningTopology;
import dev.flotilla.Scope;
import dev.flotilla.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring's context cache and Flotilla's scopes: a context is shared exactly where the topology
 * instance is, so each context talks to its own database.
 */
class ContextPerInstanceTest {

    /** Each fixture's test writes an order through its context, then says what it saw ({@link ContextSighting}). */
    abstract static class SightingTestCase {
        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void writes(RunningTopology topology, TestInfo test) throws Exception {
            ContextSighting.record(getClass().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName(), topology, context);
        }
    }

    @SpringBootTest
    @Topology(name = "orders")
    @OrdersDatabase
    static class FirstClassTestCase extends SightingTestCase {
    }

    /** The same topology as the first class, so an equal model: but a CLASS-scoped one, so an instance of its own. */
    @SpringBootTest
    @Topology(name = "orders")
    @OrdersDatabase
    static class SecondClassTestCase extends SightingTestCase {
    }

    @SpringBootTest
    @Topology(name = "orders-suite", scope = Scope.SUITE)
    @OrdersDatabase
    static class FirstSuiteTestCase extends SightingTestCase {
    }

    @SpringBootTest
    @Topology(name = "orders-suite", scope = Scope.SUITE)
    @OrdersDatabase
    static class SecondSuiteTestCase extends SightingTestCase {
    }

    @SpringBootTest
    @Topology(name = "orders-per-test", scope = Scope.METHOD)
    @OrdersDatabase
    static class PerTestTestCase extends SightingTestCase {
        @Test
        void writesAgain(RunningTopology topology, TestInfo test) throws Exception {
            writes(topology, test);
        }
    }

    /** Flotilla's extension first, and a test instance made before any callback: Spring's context still comes after the topology, and on it. */
    @Topology(name = "orders-per-class")
    @OrdersDatabase
    @SpringBootTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceTestCase extends SightingTestCase {
    }

    /** A {@code @Nested} class on its enclosing class's instance (an equal model) shares its context too. */
    @SpringBootTest
    @Topology(name = "orders-nested")
    @OrdersDatabase
    static class OuterTestCase extends SightingTestCase {
        @Nested
        class InnerTestCase extends SightingTestCase {
        }
    }

    @BeforeEach
    void forget() {
        ContextSighting.SEEN.clear();
    }

    @Test
    void twoClassesOnTwoInstancesOfOneTopologyEachTalkToTheirOwnDatabase() {
        run(FirstClassTestCase.class, SecondClassTestCase.class);

        assertEachOnItsOwn(ContextSighting.of("FirstClassTestCase.writes"), ContextSighting.of("SecondClassTestCase.writes"));
        assertThat(Docker.containersOfTopology("orders")).isEmpty();
    }

    @Test
    void eachTestOfAMethodScopedTopologyGetsAContextOnItsOwnInstance() {
        run(PerTestTestCase.class);

        assertEachOnItsOwn(ContextSighting.of("PerTestTestCase.writes"), ContextSighting.of("PerTestTestCase.writesAgain"));
        assertThat(Docker.containersOfTopology("orders-per-test")).isEmpty();
    }

    @Test
    void aContextMadeBeforeTheExtensionsCallbacksIsOnTheInstanceTheTestGets() {
        run(PerClassInstanceTestCase.class);

        ContextSighting sighting = ContextSighting.of("PerClassInstanceTestCase.writes");
        assertThat(sighting.dataSourceUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + sighting.dbPort() + "/shop");
        assertThat(sighting.context().isActive()).isFalse();
        assertThat(Docker.containersOfTopology("orders-per-class")).as("the one instance, removed with the class").isEmpty();
    }

    @Test
    void aNestedClassOnItsEnclosingClasssInstanceSharesItsContext() {
        run(OuterTestCase.class);

        ContextSighting outer = ContextSighting.of("OuterTestCase.writes");
        ContextSighting inner = ContextSighting.of("InnerTestCase.writes");
        assertThat(inner.instanceId()).isEqualTo(outer.instanceId());
        assertThat(inner.context()).isSameAs(outer.context());
        assertThat(inner.skus()).containsExactly("OuterTestCase.writes", "InnerTestCase.writes");
        assertThat(inner.context().isActive()).isFalse();
        assertThat(Docker.containersOfTopology("orders-nested")).isEmpty();
    }

    @Test
    void classesOnOneSuiteInstanceShareItsContext() {
        run(FirstSuiteTestCase.class, SecondSuiteTestCase.class);

        ContextSighting first = ContextSighting.of("FirstSuiteTestCase.writes");
        ContextSighting second = ContextSighting.of("SecondSuiteTestCase.writes");
        assertThat(second.instanceId()).isEqualTo(first.instanceId());
        assertThat(second.context()).isSameAs(first.context());
        assertThat(second.dataSourceUrl()).contains(":" + second.dbPort() + "/");
        assertThat(second.skus()).containsExactly("FirstSuiteTestCase.writes", "SecondSuiteTestCase.writes");
        assertThat(second.context().isActive()).as("a suite's context lives as long as its instance").isTrue();
    }

    private static void assertEachOnItsOwn(ContextSighting first, ContextSighting second) {
        assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
        assertThat(second.context()).isNotSameAs(first.context());
        for (ContextSighting sighting : new ContextSighting[] {first, second}) {
            assertThat(sighting.dataSourceUrl()).as(sighting.test()).isEqualTo("jdbc:postgresql://127.0.0.1:" + sighting.dbPort() + "/shop");
            assertThat(sighting.skus()).as(sighting.test()).containsExactly(sighting.test());
            assertThat(sighting.context().isActive()).as("%s's context, closed with its instance", sighting.test()).isFalse();
        }
    }

    private static void run(Class<?>... testCases) {
        EngineTestKit.engine("junit-jupiter").selectors(Arrays.stream(testCases).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute().testEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
    }
}
