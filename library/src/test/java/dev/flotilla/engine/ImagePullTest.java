package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceStartException;
import dev.flotilla.TopologyDefinition;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.FakeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls from registries that stall, fail for a while, or lack the image: through the real
 * engine, from stand-in registries on 127.0.0.1 ({@link FakeRegistry}). The settings are set as
 * a user sets them, as system properties, for each test only.
 */
class ImagePullTest {

    /** The lab's registry, which serves library/busybox:1.36. */
    private static final int LAB_REGISTRY_PORT = 5000;
    /** The settings' keys as users write them. */
    private static final String STALL_TIMEOUT = "flotilla.pull.stall-timeout";
    private static final String ATTEMPTS = "flotilla.pull.attempts";

    @AfterEach
    void clearSettings() {
        System.clearProperty(STALL_TIMEOUT);
        System.clearProperty(ATTEMPTS);
    }

    @Test
    void aPullThatStallsIsCalledOffAndRetriedAndFailsWithinItsDeadlines() throws Exception {
        System.setProperty(STALL_TIMEOUT, "2s");
        System.setProperty(ATTEMPTS, "2");
        try (FakeRegistry registry = FakeRegistry.stalling()) {
            String image = registry.address() + "/stall/image:1";

            FailedStart start = failToStart("pullstall", image);

            assertThat(start.failure().getMessage())
                    .startsWith("Service \"app\" cannot start: image \"" + image + "\" could not be pulled in 2 attempts;"
                            + " last: no progress for 2s (stalled)")
                    .contains("Nothing was started.", STALL_TIMEOUT, ATTEMPTS);
            assertThat(registry.requests("/manifests/1", "no answer")).as("attempts that reached the registry: %s", registry.requests())
                    .hasSize(2);
            assertThat(start.millis()).as("2 attempts of 2 s and a pause of 1 s between them").isBetween(4_000L, 15_000L);
        }
    }

    @Test
    void aRegistryThatFailsForAWhileIsRetriedUntilThePullSucceeds() throws Exception {
        try (FakeRegistry registry = FakeRegistry.refusingThenForwarding(2, LAB_REGISTRY_PORT)) {
            String image = registry.address() + "/library/busybox:1.36";
            try (RunningTopology running = topology("pullretry", image).start()) {
                assertThat(running.service("app").exec("echo", "pulled").stdout()).isEqualTo("pulled\n");
                assertThat(registry.requests("GET /v2/library/busybox/manifests/1.36", "503"))
                        .as("refused pulls: %s", registry.requests()).hasSize(2);
                assertThat(registry.requests("/v2/library/busybox/manifests/1.36", "forwarded")).isNotEmpty();
            } finally {
                removeImage(image);
            }
        }
    }

    @Test
    void anImageThatDoesNotExistFailsAtOnceWithoutRetrying() throws Exception {
        try (FakeRegistry registry = FakeRegistry.refusingThenForwarding(0, LAB_REGISTRY_PORT)) {
            String image = registry.address() + "/library/nosuchimage:1";

            FailedStart start = failToStart("pullmissing", image);

            assertThat(start.failure().getMessage())
                    .startsWith("Service \"app\" cannot start: image \"" + image + "\" could not be pulled: ")
                    .contains("not found", "not retried", "Fix: check the image name and tag");
            assertThat(registry.requests("GET /v2/ ", "forwarded")).as("pulls that reached the registry: %s", registry.requests())
                    .hasSize(1);
            assertThat(start.millis()).isLessThan(5_000);
        }
    }

    @Test
    void interruptingAStartStopsItsPullPromptlyAndKeepsTheInterrupt() throws Exception {
        try (FakeRegistry registry = FakeRegistry.stalling()) {
            String image = registry.address() + "/stall/image:1";
            Outcome[] outcome = new Outcome[1];
            Thread starter = new Thread(() -> outcome[0] = Outcome.of(topology("pullinterrupt", image)), "starter");
            starter.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (registry.requests("/manifests/1", "no answer").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(registry.requests()).as("the pull reached the registry").isNotEmpty();

            long interruptedAt = System.nanoTime();
            starter.interrupt();
            starter.join(5_000);
            long millis = (System.nanoTime() - interruptedAt) / 1_000_000;

            assertThat(starter.isAlive()).as("still pulling %d ms after the interrupt", millis).isFalse();
            assertThat(outcome[0].failure()).isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("interrupted while pulling image \"" + image + "\"");
            assertThat(outcome[0].interrupted()).as("the thread's interrupt status after the start").isTrue();
            assertThat(millis).isLessThan(2_000);
        }
    }

    private static TopologyDefinition topology(String name, String image) {
        return Flotilla.topology(name + "-" + Labels.SESSION_ID.substring(0, 8))
                .service("app", image, s -> s.command("sleep", "60"))
                .build();
    }

    /** How a start ended: the failure it threw, and whether its thread was interrupted afterwards. */
    private record Outcome(Throwable failure, boolean interrupted) {
        static Outcome of(TopologyDefinition definition) {
            try {
                definition.start().close();
                return new Outcome(null, Thread.currentThread().isInterrupted());
            } catch (RuntimeException e) {
                return new Outcome(e, Thread.currentThread().isInterrupted());
            }
        }
    }

    private record FailedStart(Throwable failure, long millis) {
    }

    /**
     * Starts a topology of one service on {@code image}, in a thread of its own, so that a start
     * that hangs fails the test instead of hanging it; expects the start to fail.
     */
    private static FailedStart failToStart(String name, String image) throws Exception {
        TopologyDefinition definition = topology(name, image);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> outcome.complete(Outcome.of(definition)), "start-" + definition.name());
        thread.setDaemon(true);
        long started = System.nanoTime();
        thread.start();
        Throwable failure = outcome.get(60, TimeUnit.SECONDS).failure();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(failure).isInstanceOf(ServiceStartException.class);
        return new FailedStart(failure, millis);
    }

    private static void removeImage(String image) {
        try {
            DockerState.client().removeImageCmd(image).exec();
        } catch (NotFoundException e) {
            // never pulled
        }
    }
}
