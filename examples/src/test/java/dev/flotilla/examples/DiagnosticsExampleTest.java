package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.flotilla.RunningTopology;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/** Each service's output, in files of the run under target/flotilla-reports: standard output and error apart, as it comes. */
@Topology(name = "diagnostics")
@Service(name = "greeter", image = "busybox:1.36", waitFor = @WaitFor(log = "hello from greeter"),
        command = {"sh", "-c", "echo 'a warning' >&2; sleep 1; echo 'hello from greeter'; exec sleep 3600"})
class DiagnosticsExampleTest {

    @Test
    void theServicesOutputIsInTheRunsDirectory(RunningTopology topology) throws IOException {
        Path instance; // target/flotilla-reports/<run>/<topology>-<instance>/
        try (Stream<Path> runs = Files.list(Path.of("target", "flotilla-reports"))) {
            instance = runs.map(run -> run.resolve("diagnostics-" + topology.instanceId())).filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Files.readString(instance.resolve("greeter.log"))).contains("hello from greeter").doesNotContain("a warning");
        assertThat(Files.readString(instance.resolve("greeter.stderr.log"))).contains("a warning");
    }
}
