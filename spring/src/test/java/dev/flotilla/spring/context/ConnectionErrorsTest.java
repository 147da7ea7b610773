package dev.flotilla.spring.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.spring.ServiceConnection;
import dev.flotilla.spring.ServiceUrl;
import dev.flotilla.spring.example.ShopApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.boot.test.context.SpringBootTest;
import org.testcontainers.containers.GenericContainer;

/**
 * Mistakes in what a class asks of its topology fail the class before Docker is touched, with
 * every problem named: where, the value, the fix. (No fixture here declares a service that could
 * start: none would get the chance.)
 */
class ConnectionErrorsTest {

    @SpringBootTest(classes = ShopApplication.class)
    @Topology(name = "errors")
    @Service(name = "db", image = "postgres:15", ports = 5432)
    @Service(name = "store", image = "registry.example:5000/team/pg:15", ports = 5432)
    @Service(name = "api", image = "busybox:1.36", ports = {8080, 9090})
    @Service(name = "cache", image = "redis:7")
    @ServiceConnection(service = "dbb")
    @ServiceConnection(service = "store")
    @ServiceConnection(service = "db", name = "mongodb")
    @ServiceConnection(service = "cache")
    @Service(name = "module", factory = "postgres")
    @ServiceConnection(service = "module", name = "postgres")
    @ServiceUrl(service = "api", property = "api.url")
    @ServiceUrl(service = "api", property = "api.admin", port = 7070)
    static class EveryMistakeTestCase {
        static GenericContainer<?> postgres() {
            return new GenericContainer<>("postgres:15");
        }

        @Test
        void neverRuns() {
        }
    }

    @SpringBootTest(classes = ShopApplication.class)
    @Topology(name = "errors-twice")
    @Service(name = "orders-db", image = "postgres:15", ports = 5432)
    @Service(name = "audit-db", image = "docker.io/library/postgres:16", ports = 5432)
    static class TwoOfAKindTestCase {
        @Test
        void neverRuns() {
        }
    }

    @SpringBootTest(classes = ShopApplication.class)
    @ServiceUrl(service = "api", property = "api.url")
    static class NoTopologyTestCase {
        @Test
        void neverRuns() {
        }
    }

    @SpringBootTest(classes = ShopApplication.class)
    @Topology(name = "errors-per-test", scope = Scope.METHOD)
    @Service(name = "db", image = "postgres:15", ports = 5432)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class MethodScopeOnOneInstanceTestCase {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void everyProblemOfAClassIsNamedAtOnceWithItsFix() {
        String name = EveryMistakeTestCase.class.getName();
        assertThat(failureOf(EveryMistakeTestCase.class)).isEqualTo("7 problems in the topology declaration:\n"
                + "  - @ServiceConnection(service = \"dbb\") on " + name + ": the topology has no service \"dbb\" (its services: [db, store, api, cache, module])."
                + " Fix: name a service of the topology.\n"
                + "  - @ServiceConnection(service = \"store\") on " + name + ": service \"store\" has image \"registry.example:5000/team/pg:15\","
                + " which Flotilla cannot map to connection details. Fix: say what it is: @ServiceConnection(service = \"store\", name = \"postgres\")"
                + " (known names: \"postgres\", \"redis\"), or use @ServiceUrl for a property of your own.\n"
                + "  - @ServiceConnection(service = \"db\").name on " + name + ": Flotilla has no connection details for \"mongodb\"."
                + " Fix: name one of \"postgres\", \"redis\", or set the application's properties with @ServiceUrl.\n"
                + "  - @ServiceConnection(service = \"cache\") on " + name + ": service \"cache\" does not publish port 6379, where redis listens."
                + " Fix: publish it: @Service(..., ports = 6379).\n"
                + "  - @ServiceConnection(service = \"module\") on " + name + ": service \"module\" is a Testcontainers module (factory "
                + name + "#postgres), whose image, ports and credentials Flotilla learns only once it runs. Fix: declare the service with an image"
                + " and its port, such as @Service(name = \"module\", image = \"postgres:15\", ports = 5432, env = ...).\n"
                + "  - @ServiceUrl(service = \"api\", property = \"api.url\") on " + name + ": service \"api\" publishes ports [8080, 9090],"
                + " so the port is not clear. Fix: choose one: @ServiceUrl(..., port = 8080).\n"
                + "  - @ServiceUrl(service = \"api\", property = \"api.admin\").port on " + name + ": service \"api\" does not publish port 7070"
                + " (it publishes [8080, 9090]). Fix: publish it: @Service(..., ports = 7070), or name a published one.");
    }

    @Test
    void twoServicesOfOneKindNeedToBeToldApart() {
        assertThat(failureOf(TwoOfAKindTestCase.class)).isEqualTo("The topology of " + TwoOfAKindTestCase.class.getName()
                + ": services [orders-db, audit-db] are all postgres, so Spring Boot would get 2 sets of connection details for it."
                + " Fix: name the one the application uses: @ServiceConnection(service = \"orders-db\").");
    }

    @Test
    void connectionsWithoutATopology() {
        assertThat(failureOf(NoTopologyTestCase.class)).isEqualTo(NoTopologyTestCase.class.getName()
                + " carries @ServiceConnection or @ServiceUrl but no @Topology, so there is no service to connect to."
                + " Fix: declare the topology on the class (or a composed annotation on it) with @Topology.");
    }

    @Test
    void aMethodScopedTopologyWithOneTestInstance() {
        assertThat(failureOf(MethodScopeOnOneInstanceTestCase.class)).isEqualTo("@Topology(scope = METHOD) on "
                + MethodScopeOnOneInstanceTestCase.class.getName() + " with @TestInstance(PER_CLASS): Spring wires the one test instance once,"
                + " to one application context, but each test has its own topology instance. Fix: drop @TestInstance(PER_CLASS), or use scope CLASS.");
    }

    /** The message of what failed the class (or its test), found down its causes where Spring wrapped it. */
    private static String failureOf(Class<?> testCase) {
        Throwable failure = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute().allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).findFirst()
                .orElseThrow(() -> new AssertionError(testCase.getSimpleName() + " did not fail"));
        while (!(failure instanceof dev.flotilla.FlotillaConfigurationException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure.getMessage();
    }
}
