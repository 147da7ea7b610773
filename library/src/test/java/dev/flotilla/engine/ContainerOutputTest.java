package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.EngineForwarder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a container writes reaches the test whole: across Docker's frames, restarts of the handle and broken streams. */
class ContainerOutputTest {

    private static final String TICKER = "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.05; done";

    @Test
    void execKeepsMultiByteCharactersThatDockerSplitsAcrossFrames() {
        try (RunningTopology running = Flotilla.topology("utf8exec")
                .service("box", "busybox:1.36", s -> s.command("sleep", "600"))
                .build()
                .start()) {
            // Written in blocks of an odd number of bytes, so that frames end inside a two-byte character.
            String stdout = running.service("box").exec("sh", "-c", "yes é | tr -d '\\n' | head -c 100000 | dd bs=4095 2>/dev/null").stdout();

            assertThat(stdout).doesNotContain("\uFFFD").isEqualTo("é".repeat(50_000));
        }
    }

    @Test
    void startOnARunningServiceWaitsForItWithoutFollowingItTwice() {
        try (RunningTopology running = Flotilla.topology("startrunning")
                .service("ticker", "busybox:1.36", s -> s.command("sh", "-c", TICKER))
                .build()
                .start()) {
            ServiceHandle ticker = running.service("ticker");
            ContainerLog log = ((StartedTopology) running).container("ticker").log();

            ticker.start();
            ticker.start();

            assertThat(log.streamsOpened()).isEqualTo(1);
            awaitTicks(log, 20);
            assertContiguous(log.lines());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBrokenOutputStreamIsResumedWithoutLosingOrRepeatingLines() throws Exception {
        DockerClient docker = DockerState.client();
        // This container is made by hand, not by a topology: the watchdog must run before it exists, in case this JVM dies.
        WatchdogLauncher.ensureStarted(DockerEngine.get());
        String id = docker.createContainerCmd("busybox:1.36").withCmd("sh", "-c", TICKER)
                .withLabels(java.util.Map.of(Labels.SESSION, Labels.SESSION_ID, Labels.TOPOLOGY_NAME, "brokenlog")).exec().getId();
        try (EngineForwarder forwarder = new EngineForwarder()) {
            docker.startContainerCmd(id).exec();
            ContainerLog log = new ContainerLog("ticker", List.of(), java.util.Optional.empty(), java.util.Optional.empty());
            log.follow(forwarder.client(), id, () -> Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning()));
            awaitTicks(log, 10);

            forwarder.cutAll();
            int seenAtCut = log.lines().size();
            awaitTicks(log, seenAtCut + 20);

            assertThat(log.streamsOpened()).isGreaterThan(1);
            assertThat(log.captureProblem()).isEmpty();
            assertContiguous(log.lines());
            log.close();
        } finally {
            DockerRemoval.container(docker, id);
        }
    }

    private static void awaitTicks(ContainerLog log, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (log.lines().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + log.lines().size() + " of " + count + " lines arrived: " + log.lines()
                        + log.captureProblem().map(p -> "; " + p).orElse(""));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** "tick 0", "tick 1", ...: none lost, none twice. */
    private static void assertContiguous(List<String> lines) {
        Pattern tick = Pattern.compile("tick (\\d+)");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = tick.matcher(lines.get(i));
            assertThat(m.matches()).as("line %d: %s", i, lines.get(i)).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("line %d of %s", i, lines).isEqualTo(i);
        }
    }
}
