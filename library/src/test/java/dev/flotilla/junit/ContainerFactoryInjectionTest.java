package dev.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** {@code @Service(factory = ...)} as JUnit runs it: the module's object injected by the service's name, beside its handle. */
class ContainerFactoryInjectionTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Topology(name = "factory-injection")
    @Service(name = "db", factory = "postgres")
    @Service(name = "app", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "db")
    static class FactoryTestCase {

        static PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:15").withDatabaseName("shop");
        }

        @Test
        void theObjectAndTheHandle(PostgreSQLContainer db, @ServiceName("db") ServiceHandle handle, ServiceHandle app) {
            SEEN.add(db.getJdbcUrl().contains("/shop") + " " + db.getContainerId().equals(handle.containerId()) + " "
                    + app.exec("sh", "-c", "nc -w 2 db 5432 </dev/null && echo reachable").stdout().strip());
        }
    }

    @Topology(name = "factory-injection-wrong")
    @Service(name = "cache", image = "busybox:1.36", command = {"sleep", "600"})
    static class WrongTypeTestCase {

        @Test
        void wantsAnObjectOfAnImageService(@ServiceName("cache") PostgreSQLContainer cache) {
            SEEN.add("ran");
        }
    }

    @Test
    void theContainerObjectIsInjectedByName() {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FactoryTestCase.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsExactly("true true reachable");
    }

    @Test
    void anImageServiceHasNoObjectToInject() {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongTypeTestCase.class)).execute();

        assertThat(SEEN).isEmpty();
        Throwable failure = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).findFirst().orElseThrow();
        assertThat(failure).hasMessageContaining("Service \"cache\" was not made by a container factory")
                .hasMessageContaining("Fix: declare it as ServiceHandle, or make the service with @Service(factory = ...).");
        assertThat(failure.getClass().getSimpleName()).isEqualTo("ParameterResolutionException");
    }
}
