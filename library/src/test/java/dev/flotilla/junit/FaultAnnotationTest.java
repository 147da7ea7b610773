package dev.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flotilla.ExecResult;
import dev.flotilla.Fault;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @Fault} on test methods as JUnit runs them: in place during the test, healed after it, passed or failed. */
class FaultAnnotationTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Topology(name = "declared-faults")
    @Service(name = "cache", image = "redis:7", ports = 6379)
    @Service(name = "orders", image = "redis:7", command = {"sleep", "600"}, dependsOn = "cache")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DeclaredFaultsTestCase {

        @Test
        @Order(1)
        @Fault(from = "orders", to = "cache", kind = Fault.Kind.LATENCY, latency = "400ms", direction = Fault.Direction.DOWNSTREAM)
        void slowAnswers(ServiceHandle orders) {
            SEEN.add("slow " + (millisOf(orders) >= 400));
        }

        @Test
        @Order(2)
        @Fault(from = "orders", to = "cache")
        void cut(ServiceHandle orders) {
            SEEN.add("cut " + orders.exec("sh", "-c", "timeout 2 redis-cli -h cache PING; echo exit=$?").stdout().contains("exit=124"));
        }

        @Test
        @Order(3)
        @Fault(isolate = "orders")
        void isolated(ServiceHandle orders) {
            SEEN.add("isolated " + orders.exec("sh", "-c", "timeout 2 redis-cli -h cache PING; echo exit=$?").stdout().contains("exit=124"));
        }

        @Test
        @Order(4)
        void pausesTheCacheAndFails(ServiceHandle cache) {
            cache.pause();
            throw new AssertionError("fails on purpose with the cache paused");
        }

        @Test
        @Order(5)
        void healedAfterEveryTest(ServiceHandle orders, ServiceHandle cache) {
            SEEN.add("healed " + ping(orders).stdout().contains("PONG") + " " + cache.state().status() + " " + (millisOf(orders) < 400));
        }

        private static ExecResult ping(ServiceHandle orders) {
            return orders.exec("redis-cli", "-h", "cache", "PING");
        }

        private static long millisOf(ServiceHandle orders) {
            String out = orders.exec("sh", "-c", "s=$(date +%s%N); redis-cli -h cache PING; e=$(date +%s%N); echo took=$(( (e - s) / 1000000 ))").stdout();
            return Long.parseLong(out.replaceAll("(?s).*took=(\\d+).*", "$1").strip());
        }
    }

    @Topology(name = "declared-faults-unknown")
    @Service(name = "orders", image = "busybox:1.36", command = {"sleep", "600"})
    static class BadFaultsTestCase {

        @Test
        @Fault(from = "orders", to = "nosuch", kind = Fault.Kind.LATENCY, latency = "100ms")
        void slow() {
            SEEN.add("ran with a fault on an unknown service");
        }

        @Test
        @Fault(from = "orders")
        void badFault() {
            SEEN.add("ran with a bad @Fault");
        }
    }

    @Test
    void badFaultsFailTheClassBeforeAnythingStarts() {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadFaultsTestCase.class)).execute();

        assertThat(SEEN).isEmpty();
        Throwable failure = results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).findFirst().orElseThrow();
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("2 problems in the topology declaration:")
                .hasMessageContaining("@Fault(from = \"orders\") on " + BadFaultsTestCase.class.getName() + ".badFault()"
                        + ": neither a link (from and to) nor a service to isolate is named."
                        + " Fix: write @Fault(from = \"client\", to = \"server\", ...) or @Fault(isolate = \"service\").")
                .hasMessageContaining("@Fault(from = \"orders\", to = \"nosuch\").to on " + BadFaultsTestCase.class.getName() + ".slow()"
                        + ": unknown service \"nosuch\" (declared services: [orders]). Fix: name a service declared in the topology.")
                .hasMessageNotContaining("link orders -> nosuch");
        assertThat(DockerState.leftoversOfName("declared-faults-unknown")).isZero();
    }

    @Test
    void faultsHoldForTheirTestOnly() {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(DeclaredFaultsTestCase.class)).execute();

        List<Throwable> all = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).toList();
        assertThat(SEEN).as("failures %s", all).containsExactly("slow true", "cut true", "isolated true", "healed true running true");
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(4).failed(1));
        assertThat(all).singleElement().extracting(Throwable::getMessage).isEqualTo("fails on purpose with the cache paused");
    }
}
