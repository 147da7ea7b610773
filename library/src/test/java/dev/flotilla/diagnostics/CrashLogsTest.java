package dev.flotilla.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * A test JVM killed with SIGKILL leaves whole log files: what the service wrote until the JVM
 * died, and what it wrote after, until the watchdog removed it; masked all the same.
 */
class CrashLogsTest {

    private static final String SECRET = "crash-secret-93517";

    @Test
    void aKilledJvmLeavesCompleteLogFiles() throws Exception {
        ChildJvm child = ChildJvm.start(CrashLogsProbe.class, Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), List.of(), SECRET);
        String[] ready = child.awaitLine("READY ", 120).split(" ");
        String instanceId = ready[1];
        Path log = Path.of(ready[2]).resolve("crashlogs-" + instanceId).resolve("ticker.log");
        // Frozen first, so that the service writes a second of lines that this JVM never sees.
        Instant frozenAt = Instant.now();
        signal("STOP", child.process());
        Thread.sleep(1000);
        child.process().destroyForcibly(); // SIGKILL: the JVM writes nothing more
        child.process().waitFor();
        awaitRemoved(instanceId);

        List<String> lines = Files.readAllLines(log);
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
        Pattern tick = Pattern.compile("(\\S+) tick (\\d+) token \\*\\*\\*\\*\\*\\*");
        Instant last = Instant.EPOCH;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = tick.matcher(lines.get(i));
            assertThat(m.matches()).as("line %d: %s", i, lines.get(i)).isTrue();
            assertThat(Integer.parseInt(m.group(2))).as("line %d of %s: none lost, none twice", i, log).isEqualTo(i);
            last = Instant.parse(m.group(1));
        }
        // Lines of the second the JVM was frozen are there: the watchdog wrote them, after the JVM died.
        assertThat(last).as("last line of %s", log).isAfter(frozenAt.plusMillis(500));
    }

    private static void signal(String name, Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor()).isZero();
    }

    private static void awaitRemoved(String instanceId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (DockerState.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(Labels.TOPOLOGY, instanceId)).exec().isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the watchdog did not remove instance " + instanceId + " within 30 s");
    }
}
