package dev.flotilla.safety;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.flotilla.Service;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Run in a child JVM whose DOCKER_HOST leads nowhere: runs two Docker-needing classes and prints how they ended. */
public final class MissingDockerProbe {

    @Topology
    @Service(name = "cache", image = "redis:7")
    public static class FirstTestCase {
        @Test
        void needsDocker() {
        }
    }

    @Topology
    @Service(name = "db", image = "postgres:15")
    public static class SecondTestCase {
        @Test
        void needsDocker() {
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstTestCase.class), selectClass(SecondTestCase.class))
                .execute();
        long millis = (System.nanoTime() - start) / 1_000_000;
        results.containerEvents().finished().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
                .forEach(r -> System.out.println("RESULT " + r.getStatus() + " "
                        + r.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("")));
        System.out.println("TESTS started=" + results.testEvents().started().count()
                + " skipped=" + results.testEvents().skipped().count()
                + " aborted=" + results.containerEvents().aborted().count());
        System.out.println("MILLIS " + millis);
    }
}
