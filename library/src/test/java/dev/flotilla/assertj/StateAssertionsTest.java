package dev.flotilla.assertj;

import static dev.flotilla.assertj.FlotillaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assertions on a service's state, each passing on a container in that state and failing,
 * with the state and the log's tail, on one that is not: real containers that run, exit with a
 * code, are OOM-killed, and pass a health check.
 */
class StateAssertionsTest {

    private static final String TAG = Labels.SESSION_ID.substring(0, 8);
    private static final String HEALTHY_IMAGE = "flotilla-test/assertj-healthy:" + TAG;

    private static RunningTopology topology;
    private static ServiceHandle running;
    private static ServiceHandle done;
    private static ServiceHandle hog;
    private static ServiceHandle checked;

    @BeforeAll
    static void start() throws Exception {
        TestImages.build(HEALTHY_IMAGE, """
                FROM busybox:1.36
                HEALTHCHECK --interval=1s --timeout=1s --retries=30 CMD test -f /tmp/healthy
                CMD ["sh", "-c", "touch /tmp/healthy; exec sleep 3600"]
                """);
        topology = Flotilla.topology("assertj-state-" + TAG)
                .service("running", "busybox:1.36", s -> s.command("sleep", "3600"))
                .service("done", "busybox:1.36", s -> s.command("sh", "-c", "echo bye; sleep 1; exit 3"))
                // tail keeps the whole "line" of zeros in memory, as PID 1, so the container itself is killed
                .service("hog", "busybox:1.36", s -> s.memory("16m").command("sh", "-c", "echo filling; sleep 1; exec tail /dev/zero"))
                .service("checked", HEALTHY_IMAGE, s -> s.waitForHealthcheck())
                .build().start();
        running = topology.service("running");
        done = topology.service("done");
        hog = topology.service("hog");
        checked = topology.service("checked");
        awaitExit(done);
        awaitExit(hog);
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
        TestImages.remove(HEALTHY_IMAGE);
    }

    @Test
    void isRunning() {
        assertThat(running).isRunning();

        assertThatThrownBy(() -> assertThat(done).isRunning()).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting service \"done\" to be running, but it is exited.\n"
                        + "  state: exited, exit code 3, OOM-killed no\n"
                        + "  its log line:\n"
                        + "    | bye");
    }

    @Test
    void isNotRunning() {
        assertThat(done).isNotRunning();

        assertThatThrownBy(() -> assertThat(running).isNotRunning())
                .hasMessage("Expecting service \"running\" not to be running, but it is running.\n"
                        + "  state: running\n"
                        + "  log: empty");
    }

    @Test
    void hasStatus() {
        assertThat(done).hasStatus("exited");
        assertThat(running).hasStatus("running");

        assertThatThrownBy(() -> assertThat(running).hasStatus("exited"))
                .hasMessageStartingWith("Expecting service \"running\" to have status \"exited\", but its status is \"running\".\n");
    }

    @Test
    void hasExitCode() {
        assertThat(done).hasExitCode(3);

        assertThatThrownBy(() -> assertThat(done).hasExitCode(0))
                .hasMessage("Expecting service \"done\" to have exited with code 0, but it exited with code 3.\n"
                        + "  state: exited, exit code 3, OOM-killed no\n"
                        + "  its log line:\n"
                        + "    | bye");
        assertThatThrownBy(() -> assertThat(running).hasExitCode(0))
                .hasMessageStartingWith("Expecting service \"running\" to have exited with code 0, but it has not exited (it is running).\n"
                        + "  state: running\n");
    }

    @Test
    void wasOomKilled() {
        assertThat(hog).wasOomKilled().hasExitCode(137);
        assertThat(done).wasNotOomKilled();

        assertThatThrownBy(() -> assertThat(done).wasOomKilled())
                .hasMessageStartingWith("Expecting service \"done\" to have been OOM-killed, but it was not.\n"
                        + "  state: exited, exit code 3, OOM-killed no\n");
        assertThatThrownBy(() -> assertThat(hog).wasNotOomKilled())
                .hasMessage("Expecting service \"hog\" not to have been OOM-killed, but it was.\n"
                        + "  state: exited, exit code 137, OOM-killed yes\n"
                        + "  its log line:\n"
                        + "    | filling");
    }

    @Test
    void hasHealth() {
        assertThat(checked).hasHealth("healthy");

        assertThatThrownBy(() -> assertThat(checked).hasHealth("unhealthy"))
                .hasMessageStartingWith("Expecting service \"checked\" to be unhealthy by its health check, but it is healthy.\n"
                        + "  state: running, health healthy\n");
        assertThatThrownBy(() -> assertThat(running).hasHealth("healthy"))
                .hasMessageStartingWith("Expecting service \"running\" to be healthy by its health check, but it has no health status"
                        + " (its image declares no HEALTHCHECK, or the engine runs none).\n");
    }

    @Test
    void aDescriptionAndAnOverridingMessageWorkAsInAssertJ() {
        assertThatThrownBy(() -> assertThat(done).as("the %s job", "batch").isRunning())
                .hasMessageStartingWith("[the batch job] Expecting service \"done\" to be running, but it is exited.\n");
        assertThatThrownBy(() -> assertThat(done).withFailMessage("the batch job has ended").isRunning())
                .hasMessage("the batch job has ended");
        assertThatThrownBy(() -> assertThat(done).as("the batch job").eventually(Duration.ofMillis(100)).isRunning())
                .hasMessageStartingWith("[the batch job] Expecting service \"done\" to be running within 100 ms, but it is exited (after ");
    }

    @Test
    void aNullServiceFailsAsAssertJSays() {
        assertThatThrownBy(() -> assertThat((ServiceHandle) null).isRunning()).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void anObjectThatIsAServiceHandleGetsTheseAssertionsThroughItsFactory() {
        Object service = running;

        assertThat(service).asInstanceOf(FlotillaAssertions.SERVICE_HANDLE).isRunning();
        assertThatThrownBy(() -> assertThat(service).asInstanceOf(FlotillaAssertions.SERVICE_HANDLE).isNotRunning())
                .hasMessageStartingWith("Expecting service \"running\" not to be running, but it is running.\n");
    }

    /** Waits until the container has exited, asking the handle directly, not the assertions under test. */
    private static void awaitExit(ServiceHandle service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (service.isRunning()) {
            assertThat(System.nanoTime()).as("%s still runs after 30 s", service.name()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
