package dev.flotilla.engine;

import static dev.flotilla.engine.ReportPage.all;
import static dev.flotilla.engine.ReportPage.hasClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The run report as a JVM leaves it when it ends with a topology still running: written last, as
 * the JVM exits, with the removal it just did and Docker's events of it.
 */
class RunReportAtExitTest {

    @Test
    void pageWrittenAsTheJvmExitsShowsTheRemovalAndDockersEvents(@TempDir Path reports) throws Exception {
        ChildJvm child = ChildJvm.start(ReportAtExitProbe.class, Map.of(), List.of("-Dflotilla.reports.dir=" + reports));
        String instanceId = child.awaitLine("READY ", 120).split(" ")[1];
        assertThat(child.awaitExit(60)).isZero();

        Path index;
        try (Stream<Path> runs = Files.list(reports)) {
            index = runs.map(run -> run.resolve("index.html")).filter(Files::exists).findFirst().orElseThrow();
        }
        Element section = ReportPage.read(index).section(instanceId);
        for (String service : List.of("store", "reader")) {
            Element lane = all(section, ".//svg[@class='timeline']//g[@data-service='" + service + "']").get(0);
            assertThat(all(lane, "g[" + hasClass("bar") + "]")).extracting(bar -> bar.getAttribute("class")).contains("bar remove");
            assertThat(all(lane, "g[" + hasClass("event") + "]")).extracting(tick -> tick.getAttribute("class")).contains("event destroy");
        }
        // Removed whole at exit, though Testcontainers' own exit hook (Ryuk off) removes the same containers at once.
        assertThat(child.output()).doesNotContain("Could not remove");
        assertThat(DockerState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.TOPOLOGY, instanceId)).exec()).isEmpty();
    }
}
