package dev.flotilla.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flotilla.support.DockerState;
import dev.flotilla.Endpoint;
import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.ServiceStartException;
import dev.flotilla.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The extension as JUnit runs it: fixture classes named ...TestCase run through EngineTestKit. */
class FlotillaExtensionTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static EngineExecutionResults run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute();
    }

    private static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
    }

    // ---- scope CLASS: one instance for the class, injected into parameters and fields ----

    @Topology(name = "classscope")
    @Service(name = "cache", image = "redis:7", ports = 6379)
    static class ClassScopeTestCase {
        static ServiceHandle cache;
        @Endpoint("redis://cache:6379")
        URI cacheUri;

        @Test
        void first(ServiceHandle cache, @Endpoint("cache:6379") String address, @Endpoint("cache:6379") int port) {
            assertThat(address).isEqualTo(cache.host() + ":" + port);
            assertThat(cacheUri).isEqualTo(URI.create("redis://" + cache.host() + ":" + port));
            assertThat(ClassScopeTestCase.cache).isSameAs(cache);
            SEEN.add(cache.containerId());
        }

        @Test
        void second(@ServiceName("cache") ServiceHandle redis) {
            assertThat(redis.exec("redis-cli", "ping").stdout()).isEqualTo("PONG\n");
            SEEN.add(redis.containerId());
        }
    }

    @Test
    void classScopeSharesOneInstanceAcrossTheClassAndRemovesItAfterwards() {
        run(ClassScopeTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2).containsOnly(SEEN.get(0));
        assertThat(DockerState.leftoversOfName("classscope")).isZero();
    }

    // ---- scope METHOD: a fresh instance per test ----

    @Topology(name = "methodscope", scope = Scope.METHOD)
    @Service(name = "cache", image = "redis:7")
    static class MethodScopeTestCase {
        @Test
        void first(ServiceHandle cache) {
            SEEN.add(cache.containerId());
        }

        @Test
        void second(ServiceHandle cache) {
            SEEN.add(cache.containerId());
            // the previous test's container is gone already
            assertThat(DockerState.containers("dev.flotilla.topology.name", "methodscope")).hasSize(1);
        }
    }

    @Test
    void methodScopeStartsAFreshInstanceForEachTest() {
        run(MethodScopeTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(Set.copyOf(SEEN)).hasSize(2);
        assertThat(DockerState.leftoversOfName("methodscope")).isZero();
    }

    // ---- composed annotations and @Nested ----

    @Retention(RUNTIME)
    @Target(TYPE)
    @Topology(name = "composed")
    @Service(name = "cache", image = "redis:7")
    @Service(name = "client", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "cache")
    @interface CacheWithClient {
    }

    @CacheWithClient
    static class ComposedTestCase {
        static final Set<String> TOPOLOGIES = ConcurrentHashMap.newKeySet();

        @Test
        void clientReachesCache(ServiceHandle client) {
            assertThat(client.exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout()).contains("PONG");
            SEEN.add("outer:" + client.containerId());
        }

        @Nested
        class Inheriting {
            @Test
            void seesTheSameInstance(ServiceHandle client) {
                SEEN.add("inheriting:" + client.containerId());
            }
        }

        @Nested
        @Service(name = "extra", image = "busybox:1.36", command = {"sleep", "600"})
        class Adding {
            @Test
            void getsItsOwnInstanceWithTheExtraService(ServiceHandle client, ServiceHandle extra) {
                assertThat(extra.isRunning()).isTrue();
                SEEN.add("adding:" + client.containerId());
            }
        }
    }

    @Test
    void nestedClassesShareTheEnclosingInstanceUnlessTheyAddServices() {
        run(ComposedTestCase.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        String outer = idOf("outer:");
        assertThat(idOf("inheriting:")).isEqualTo(outer);
        assertThat(idOf("adding:")).isNotEqualTo(outer);
        assertThat(DockerState.leftoversOfName("composed")).isZero();
    }

    private static String idOf(String prefix) {
        return SEEN.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length())).findFirst().orElseThrow();
    }

    // ---- bad input ----

    @Topology(name = "invalid")
    @Service(name = "api", image = "busybox:1.36", dependsOn = "db")
    static class InvalidTestCase {
        @Test
        void neverRuns() {
            SEEN.add("ran");
        }
    }

    @Test
    void invalidDeclarationFailsTheClassBeforeAnythingStarts() {
        EngineExecutionResults results = run(InvalidTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(failures(results)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@Service(name = \"api\").dependsOn on " + InvalidTestCase.class.getName() + ": unknown service \"db\""
                        + " (declared services: [api]). Fix: name a service declared in the same topology, or declare one named \"db\".");
        assertThat(SEEN).isEmpty();
        assertThat(DockerState.leftoversOfName("invalid")).isZero();
    }

    @Topology(name = "failing")
    @Service(name = "crash", image = "busybox:1.36", command = {"sh", "-c", "echo boom; exit 2"}, ports = 80)
    static class FailingStartTestCase {
        @Test
        void neverRuns() {
            SEEN.add("ran");
        }
    }

    @Test
    void failedStartFailsTheClassWithTheReport() {
        EngineExecutionResults results = run(FailingStartTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(failures(results)).singleElement()
                .isInstanceOf(ServiceStartException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("Service \"crash\" stopped while waiting for declared ports accepting connections")
                        .contains("state: exited, exit code 2, OOM-killed no", "    | boom"));
        assertThat(DockerState.leftoversOfName("failing")).isZero();
    }

    @Topology(name = "badinjection")
    @Service(name = "cache", image = "redis:7", ports = 6379)
    static class BadInjectionTestCase {
        @Test
        void unknownService(@Endpoint("db:5432") String db) {
        }

        @Test
        void undeclaredPort(@Endpoint("cache:1234") int port) {
        }

        @Test
        void unsupportedType(@Endpoint("cache:6379") List<String> wrong) {
        }

        @Test
        void unknownHandle(ServiceHandle database) {
        }
    }

    @Test
    void badInjectionPointsFailTheirTestWithTheFix() {
        EngineExecutionResults results = run(BadInjectionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
        assertThat(results.testEvents().failed().stream().map(FlotillaExtensionTest::message))
                .allSatisfy(message -> assertThat(message).startsWith("parameter '"))
                .anySatisfy(message -> assertThat(message).endsWith(": @Endpoint(\"db:5432\") names service \"db\", which topology"
                        + " \"badinjection\" does not have (services: [cache]). Fix: name a declared service."))
                .anySatisfy(message -> assertThat(message).endsWith(": @Endpoint(\"cache:1234\"): Service \"cache\" does not publish"
                        + " port 1234; it publishes [6379]. Declare the port in @Service(ports = ...)."))
                .anySatisfy(message -> assertThat(message).endsWith(": @Endpoint cannot fill a java.util.List. Fix: declare it as"
                        + " java.net.URI, String (host:port) or int (the host port)."))
                .anySatisfy(message -> assertThat(message).endsWith(": topology \"badinjection\" has no service \"database\""
                        + " (services: [cache]). Fix: name it like the service, or annotate it with @ServiceName(\"...\")."));
        assertThat(results.testEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()))
                .allSatisfy(t -> assertThat(t).isInstanceOf(ParameterResolutionException.class));
        assertThat(DockerState.leftoversOfName("badinjection")).isZero();
    }

    private static String message(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    // ---- scope METHOD and static fields: one field cannot hold each method's own instance ----

    @Topology(name = "methodstatic", scope = Scope.METHOD)
    @Service(name = "cache", image = "redis:7", ports = 6379)
    static class MethodScopeStaticFieldTestCase {
        static ServiceHandle cache;

        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @Test
    void methodScopeRejectsStaticFieldsBeforeAnythingStarts() {
        long since = System.currentTimeMillis() / 1000;
        EngineExecutionResults results = dev.flotilla.support.ParallelRun.concurrent(EngineTestKit.engine("junit-jupiter"))
                .selectors(selectClass(MethodScopeStaticFieldTestCase.class)).execute();

        assertThat(failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("field MethodScopeStaticFieldTestCase.cache is static, but the topology has scope METHOD: each test"
                        + " method gets its own instance, and a static field would hold only one of them (tests running in parallel"
                        + " would overwrite each other's). Fix: make the field non-static, inject a test-method parameter, or use scope CLASS."));
        assertThat(DockerState.createdServices("methodstatic", since)).isEmpty();
    }
}
