package dev.flotilla.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.flotilla.FlotillaDiagnostics;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import dev.flotilla.engine.InstanceRecord;
import dev.flotilla.engine.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/** A failed test carries what the containers were doing; a passing one carries nothing. */
class FailureBundleTest {

    @Topology(name = "bundled")
    @Service(name = "db", image = "redis:7", ports = 6379)
    @Service(name = "app", image = "busybox:1.36", dependsOn = "db",
            command = {"sh", "-c", "for i in $(seq 1 40); do echo app line $i; done; sleep 0.5; echo warming up >&2; sleep 600"},
            waitFor = {@WaitFor(log = "app line 40"), @WaitFor(log = "warming up")})
    static class FailingTestCase {
        @Test
        void passes(ServiceHandle app) {
            assertThat(app.logs()).contains("app line 40");
        }

        @Test
        void failsOnPurpose(ServiceHandle app) {
            assertThat(app.logs()).contains("a line the app never printed");
        }
    }

    @Test
    void aFailedTestCarriesTheBundleAndWritesItNextToTheLogs(@TempDir Path outputs) throws Exception {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingTestCase.class))
                .outputDirectoryCreator(new OutputDirectoryCreator() {
                    // As a launcher does where outputs are on (EngineTestKit has them off by default).
                    @Override
                    public Path getRootDirectory() {
                        return outputs;
                    }

                    @Override
                    public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
                        return Files.createDirectories(outputs.resolve(Integer.toHexString(descriptor.getUniqueId().hashCode())));
                    }
                })
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        FlotillaDiagnostics bundle = (FlotillaDiagnostics) List.of(failure.getSuppressed()).stream()
                .filter(FlotillaDiagnostics.class::isInstance).findFirst().orElseThrow();

        assertThat(bundle.getMessage())
                .startsWith("Flotilla diagnostics for FailingTestCase.failsOnPurpose(ServiceHandle), which failed with AssertionError: ")
                .contains("\nservice \"db\" (image redis:7, container flotilla-bundled-db-")
                .contains("\nservice \"app\" (image busybox:1.36, container flotilla-bundled-app-")
                .contains("\n  state: running\n")
                .containsPattern("\n  ports: 6379 -> 127\\.0\\.0\\.1:\\d+\n")
                .containsPattern("\n    \\S+ image on the engine: busybox:1\\.36 \\(\\d+ ms\\): ok\n    \\S+ create ")
                .containsPattern("\n    \\S+ ready: log line matching /app line 40/ \\(\\d+ ms\\): ok")
                .contains("\n  last 30 log lines:\n")
                .contains("    | app line 40\n    | warming up");
        Path file = bundle.file().orElseThrow();
        assertThat(file).hasParent(file.getParent()).exists();
        assertThat(Files.readString(file)).isEqualTo(bundle.getMessage());
        // JUnit's own reporting: a report entry naming the file, and the file published for the test.
        assertThat(results.testEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("flotilla.diagnostics")))
                .containsExactly(file.toString());
        List<Path> published = results.allEvents().stream().filter(event -> event.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(event -> event.getRequiredPayload(FileEntry.class).getPath()).toList();
        assertThat(published).singleElement().satisfies(copy -> assertThat(Files.readString(copy)).isEqualTo(bundle.getMessage()));
        assertThat(failure.getSuppressed()).hasSize(1);

        InstanceRecord record = RunReport.get().instances().stream()
                .filter(i -> i.spec().name().equals("bundled")).reduce((a, b) -> b).orElseThrow();
        assertThat(record.tests()).extracting(InstanceRecord.TestUse::test, InstanceRecord.TestUse::failed)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("FailingTestCase.passes(ServiceHandle)", false),
                        org.assertj.core.groups.Tuple.tuple("FailingTestCase.failsOnPurpose(ServiceHandle)", true));
        assertThat(record.bundles()).containsExactly(file);
    }
}
