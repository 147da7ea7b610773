package dev.flotilla.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flotilla.Fault;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A mistaken {@code @Fault}, on a test method, an inherited one or one of a {@code @Nested} class, fails
 * the class with the rest of its declaration's problems, before any container starts.
 */
class FaultValidationTest {

    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @Retention(RUNTIME)
    @Target(TYPE)
    @Topology
    @Service(name = "cache", image = "redis:7", ports = 6379)
    @Service(name = "client", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "cache")
    @interface CacheWithClient {
    }

    @CacheWithClient
    static class TypoTestCase {

        @Test
        @Fault(from = "client", to = "cache", kind = Fault.Kind.LATENCY, latency = "100ms")
        void slowCache() {
            RAN.add("slowCache");
        }

        @Test
        @Fault(from = "client", to = "cahce")
        void cutCache() {
            RAN.add("cutCache");
        }
    }

    @CacheWithClient
    static class NestedTestCase {

        @Test
        void outer() {
            RAN.add("outer");
        }

        @Nested
        class WhenCut {
            @Test
            @Fault(from = "cache", to = "cache")
            @Fault(isolate = "clinet")
            void cut() {
                RAN.add("nested");
            }
        }
    }

    abstract static class CacheChecks {
        @Test
        @Fault(from = "client", to = "cache", kind = Fault.Kind.LATENCY, latency = "soon")
        void slowCache() {
            RAN.add("inherited");
        }
    }

    @CacheWithClient
    static class InheritedTestCase extends CacheChecks {
    }

    @Test
    void aTypoInAFaultsServiceNamesTheDeclaredServicesAndTheNearestOne() {
        assertThat(failureOf(TypoTestCase.class)).hasMessage("@Fault(from = \"client\", to = \"cahce\").to on "
                + TypoTestCase.class.getName() + ".cutCache(): unknown service \"cahce\" (declared services: [cache, client])."
                + " Fix: did you mean \"cache\"?");
    }

    @Test
    void theFaultsOfNestedClassesAreCheckedBeforeTheEnclosingClassStarts() {
        String method = NestedTestCase.WhenCut.class.getName() + ".cut()";
        assertThat(failureOf(NestedTestCase.class)).hasMessage("2 problems in the topology declaration:"
                + "\n  - @Fault(from = \"cache\", to = \"cache\").to on " + method + ": the link from \"cache\" to itself is not a link."
                + " Fix: name two different services."
                + "\n  - @Fault(isolate = \"clinet\").isolate on " + method + ": unknown service \"clinet\""
                + " (declared services: [cache, client]). Fix: did you mean \"client\"?");
    }

    @Test
    void aBadValueOfAnInheritedFaultIsFoundBeforeAnythingStarts() {
        assertThat(failureOf(InheritedTestCase.class)).hasMessage("@Fault(from = \"client\", to = \"cache\").latency on "
                + CacheChecks.class.getName() + ".slowCache(): invalid latency \"soon\". Fix: write a duration such as \"300ms\","
                + " \"2s\" or \"1m\".");
    }

    /** Runs {@code testCase} and returns why its class failed, having checked that no test ran and Docker created nothing. */
    private static Throwable failureOf(Class<?> testCase) {
        RAN.clear();
        long since = System.currentTimeMillis() / 1000 - 1;
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute();

        assertThat(RAN).as("tests that ran").isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(DockerState.createdServices("CacheWithClient", since)).as("containers created").isEmpty();
        Throwable failure = results.containerEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError("the class did not fail"));
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
        return failure;
    }
}
