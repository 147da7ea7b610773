package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceStartException;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every wait has a deadline that fires: a readiness command that never returns, an exec that
 * hangs, and a start interrupted by JUnit's {@code @Timeout}. Each test has a timeout of its
 * own, far above the deadline under test, so that a regression fails instead of hanging.
 */
class DeadlinesTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReadinessCommandThatNeverReturnsTimesOut() {
        var definition = Flotilla.topology("hangingcheck")
                .service("stuck", "busybox:1.36", s -> s.command("sleep", "600")
                        .waitForCommand("sleep", "3600").startupTimeout(Duration.ofSeconds(2)))
                .build();
        long start = System.nanoTime();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"stuck\" did not become ready: command [sleep, 3600] exiting with 0 did not hold"
                        + " within 2s; last attempt: the command was still running when the time was up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(DockerState.leftoversOfName("hangingcheck")).isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anExecThatHangsFailsAtItsDeadlineWithWhatItWrote() {
        var definition = Flotilla.topology("hangingexec")
                .service("box", "busybox:1.36", s -> s.command("sleep", "600"))
                .build();
        try (RunningTopology running = definition.start()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> running.service("box").exec(Duration.ofSeconds(1), "sh", "-c", "echo started; sleep 3600"))
                    .isInstanceOf(FlotillaException.class)
                    .hasMessage("Command [sh, -c, echo started; sleep 3600] in service \"box\" did not end within 1s; it may still run"
                            + " in the container. Output so far: stdout \"started\n\", stderr \"\". Fix: give it more time with"
                            + " exec(Duration, ...) or the setting flotilla.exec.timeout, or make the command end.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(running.service("box").exec("echo", "still usable").stdout()).isEqualTo("still usable\n");
        }
    }

    /** Started by the test below: the start of a topology that would take a minute, under a two-second timeout. */
    static class InterruptedStartTestCase {
        @Test
        @Timeout(value = 2, unit = TimeUnit.SECONDS)
        void startsSomethingSlow() {
            Flotilla.topology("interrupted")
                    .service("quick", "busybox:1.36", s -> s.command("sleep", "600"))
                    .service("slow", "busybox:1.36", s -> s.command("sleep", "600").waitForLog("never printed", 1)
                            .startupTimeout(Duration.ofSeconds(60)))
                    .build()
                    .start();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void anInterruptedStartStopsPromptlyAndRemovesWhatItStarted() {
        // Connected first, as in any JVM past its first topology: otherwise, where this class runs first in its
        // JVM (a run of a few classes), the test's 2 s can end within the connection, and what is interrupted
        // is not the start this test is about.
        DockerEngine.get();
        long start = System.nanoTime();

        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InterruptedStartTestCase.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessage("startsSomethingSlow() timed out after 2 seconds");
        assertThat(failure.getSuppressed()).singleElement().satisfies(interrupted -> assertThat(interrupted)
                .isInstanceOf(FlotillaException.class)
                .hasMessage("The start of topology \"interrupted\" was interrupted (a test timeout?),"
                        + " and everything it had started was removed."));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(DockerState.leftoversOfName("interrupted")).isZero();
    }
}
