package dev.flotilla.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.engine.InstanceRecord;
import dev.flotilla.engine.RunReport;
import dev.flotilla.engine.ServiceRecord;
import dev.flotilla.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** Every service's output goes to files of the run, as it comes, stdout and stderr apart, secrets masked, across restarts. */
class ServiceLogFilesTest {

    private static final String SECRET = "sekrit-4711-value";
    private static final String SCRIPT = "echo out $((1 + 0)); echo err 1 >&2; echo \"token $API_TOKEN\"; sleep 600";

    @Test
    void outputIsWrittenLineByLineToOneFilePerStream() throws Exception {
        try (RunningTopology running = Flotilla.topology("logfiles")
                .service("talker", "busybox:1.36", s -> s.command("sh", "-c", SCRIPT).secret("API_TOKEN", SECRET)
                        .waitForLog("token", 1).waitForLog("err", 1))
                .build()
                .start()) {
            ServiceRecord talker = record(running).service("talker");
            Path stdout = talker.stdoutFile().orElseThrow();
            Path stderr = talker.stderrFile().orElseThrow();

            assertThat(stdout).hasFileName("talker.log");
            assertThat(stdout.getParent().getParent()).isEqualTo(RunReport.get().directory().orElseThrow());
            assertThat(textOf(stdout)).containsExactly("out 1", "token ******");
            assertThat(textOf(stderr)).containsExactly("err 1");
            // Each line carries the engine's timestamp, as docker logs -t shows it.
            assertThat(Files.readAllLines(stdout).get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z out 1");

            ServiceHandle handle = running.service("talker");
            handle.stop(Duration.ZERO);
            handle.start();

            // The second run's lines follow the first's; none is written twice.
            assertThat(textOf(stdout)).containsExactly("out 1", "token ******", "out 1", "token ******");
            assertThat(textOf(stderr)).containsExactly("err 1", "err 1");
            assertThat(Files.readString(stdout) + Files.readString(stderr)).doesNotContain(SECRET);
        }
    }

    private static InstanceRecord record(RunningTopology running) {
        return RunReport.get().instance(running.instanceId()).orElseThrow();
    }

    /** The lines without their timestamps. */
    static List<String> textOf(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
    }

    @Test
    void withReportsOffNothingIsWritten() throws Exception {
        ChildJvm child = ChildJvm.start(ReportsOffProbe.class, java.util.Map.of(), List.of("-Dflotilla.reports=off"));
        assertThat(child.awaitExit(120)).as(child.output()).isZero();

        assertThat(child.output()).contains("STARTED [talker]", "DIRECTORY Optional.empty");
        String session = child.awaitLine("SESSION ", 1).split(" ")[1].trim().substring(0, 8);
        try (var runs = Files.list(Path.of("target", "flotilla-reports"))) {
            assertThat(runs.map(run -> run.getFileName().toString())).noneMatch(name -> name.endsWith(session));
        }
    }
}
