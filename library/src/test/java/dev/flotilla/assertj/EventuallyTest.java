package dev.flotilla.assertj;

import static dev.flotilla.assertj.FlotillaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.engine.Labels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code eventually(timeout)} looks again until the assertion holds, and fails once the time is
 * up: on a container that logs "ready" two seconds after it starts, and one that exits then.
 */
class EventuallyTest {

    private RunningTopology topology;
    private ServiceHandle late;
    private ServiceHandle finisher;

    /** A new instance for each test, so that each sees the two seconds from the start. */
    @BeforeEach
    void start() {
        topology = Flotilla.topology("assertj-eventually-" + Labels.SESSION_ID.substring(0, 8))
                .service("late", "busybox:1.36", s -> s.command("sh", "-c", "echo starting; sleep 2; echo ready; exec sleep 3600")
                        .waitForLog("starting", 1))
                .service("finisher", "busybox:1.36", s -> s.command("sh", "-c", "sleep 2; echo finished; exit 0"))
                .build().start();
        late = topology.service("late");
        finisher = topology.service("finisher");
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void aLogLineThatComesAfterTwoSecondsPassesOnceItIsThere() {
        assertThat(late).hasNoLogLineMatching("ready"); // not yet: checked once, at once
        long started = System.nanoTime();

        assertThat(late).eventually(Duration.ofSeconds(10)).hasLogLineMatching("ready");

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("waited for the line, and no longer than it took").isBetween(1_000L, 5_000L);
        assertThat(late.logs()).isEqualTo("starting\nready");
    }

    @Test
    void aStateThatComesAfterTwoSecondsPassesOnceItIsThere() {
        assertThat(finisher).isRunning();

        assertThat(finisher).eventually(Duration.ofSeconds(10)).hasExitCode(0);

        assertThat(finisher.isRunning()).isFalse();
    }

    @Test
    void anAssertionThatDoesNotHoldInTimeFailsWhenTheTimeIsUpWithWhatItSawLast() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> assertThat(late).eventually(Duration.ofMillis(500)).hasLogLineMatching("ready"))
                .hasMessageMatching("Expecting service \"late\" to have a log line matching /ready/ within 500 ms,"
                        + " but its one log line does not \\(after 5[0-9]{2} ms and [0-9]+ looks\\)\\.\n"
                        + "  state: running\n"
                        + "  its log line:\n"
                        + "    \\| starting");

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("failed once the time was up, not before, not much after").isBetween(500L, 1_500L);
    }
}
