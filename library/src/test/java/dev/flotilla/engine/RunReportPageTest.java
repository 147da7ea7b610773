package dev.flotilla.engine;

import static dev.flotilla.engine.ReportPage.all;
import static dev.flotilla.engine.ReportPage.hasClass;
import static dev.flotilla.engine.ReportPage.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The run report's page, read back as a document: the instances of {@link ReportedRun}, real
 * topologies started through Flotilla, drawn as pictures and timelines that match their records
 * and Docker's own events, with every failure, bundle and log file linked, and nothing loaded
 * from anywhere.
 */
class RunReportPageTest {

    private static List<InstanceRecord> instances;
    private static InstanceRecord layered;
    private static InstanceRecord broken;
    private static InstanceRecord tested;
    private static ReportPage page;

    @BeforeAll
    static void writePage() throws Exception {
        instances = ReportedRun.instances();
        layered = instances.get(0);
        broken = instances.get(1);
        tested = instances.get(2);
        page = ReportPage.read(ReportedRun.page("report-page-test.html"));
    }

    @Test
    void summaryCountsTheInstancesServicesTestsAndFailures() throws Exception {
        Map<String, String> tiles = page.all("//dl[" + hasClass("tiles") + "]/div").stream()
                .collect(Collectors.toMap(tile -> tile.getElementsByTagName("dt").item(0).getTextContent(),
                        tile -> tile.getElementsByTagName("dd").item(0).getTextContent()));

        assertThat(tiles).containsExactlyInAnyOrderEntriesOf(Map.of("topology instances", "3", "services", "9", "tests", "2",
                "failed tests", "1", "failed starts", "1"));
        assertThat(text(page.document(), "//p[" + hasClass("run") + "]/code")).isEqualTo(RunReport.get().directory().orElseThrow()
                .getFileName().toString());
    }

    @Test
    void pictureHasOneBoxPerServiceWithItsPortsAndOneArrowPerDependencyLaidOutByDepth() throws Exception {
        Element picture = all(page.section(layered), ".//svg[@class='topology']").get(0);
        Map<String, Element> boxes = all(picture, ".//g[" + hasClass("service") + "]").stream()
                .collect(Collectors.toMap(box -> box.getAttribute("data-service"), box -> box));
        List<String> arrows = all(picture, ".//path[@class='dependency']").stream().map(arrow -> arrow.getTextContent()).toList();

        assertThat(boxes).containsOnlyKeys("db", "cache", "api", "worker", "web");
        assertThat(arrows).containsExactlyInAnyOrder("api depends on db", "api depends on cache", "worker depends on db", "web depends on api");
        // Dependencies to the left of their dependents: columns by depth.
        assertThat(x(boxes.get("db"))).isEqualTo(x(boxes.get("cache"))).isLessThan(x(boxes.get("api")));
        assertThat(x(boxes.get("api"))).isEqualTo(x(boxes.get("worker"))).isLessThan(x(boxes.get("web")));
        int published = layered.service("db").publishedPorts().get(5432);
        assertThat(text(boxes.get("db"), ".//*[@class='ports']")).isEqualTo("5432 \u2192 " + published);
        assertThat(text(boxes.get("db"), ".//*[@class='image']")).isEqualTo("busybox:1.36");
        assertThat(boxes.values()).allSatisfy(box -> assertThat(box.getAttribute("class")).isEqualTo("service ready"));
    }

    @Test
    void timelineHasABarForEveryStepOfEveryServiceAndDockersEventsBesideThem() throws Exception {
        Element timeline = all(page.section(layered), ".//svg[@class='timeline']").get(0);

        for (ServiceRecord service : layered.services()) {
            Element lane = all(timeline, ".//g[@data-service='" + service.spec().name() + "']").get(0);
            List<Element> bars = all(lane, "g[" + hasClass("bar") + "]");
            assertThat(bars).extracting(bar -> bar.getAttribute("class"))
                    .hasSize(service.phases().size())
                    .contains("bar images", "bar create", "bar start", "bar ready", "bar remove")
                    .noneMatch(cssClass -> cssClass.contains("failed"));
            // Docker's own record of the container, each event once, within Flotilla's step that caused it (1 px: rounding).
            assertThat(all(lane, "g[" + hasClass("event") + "]")).extracting(tick -> tick.getAttribute("class"))
                    .containsExactly("event create", "event start", "event die", "event destroy");
            assertThat(tickX(lane, "create")).isBetween(barX(lane, "create") - 1, barEnd(lane, "create") + 1);
            assertThat(tickX(lane, "start")).isBetween(barX(lane, "start") - 1, barEnd(lane, "start") + 1);
            assertThat(tickX(lane, "die")).isBetween(barX(lane, "remove") - 1, barEnd(lane, "remove") + 1);
            assertThat(tickX(lane, "destroy")).isBetween(barX(lane, "remove") - 1, barEnd(lane, "remove") + 1);
        }
    }

    @Test
    void failedStartMarksTheFailedServiceAndSpellsOutTheFailedStep() throws Exception {
        Element section = page.section(broken);
        Phase failedStep = broken.service("crash").phases().stream().filter(p -> !p.ok()).findFirst().orElseThrow();

        assertThat(section.getAttribute("class")).isEqualTo("card instance failed");
        assertThat(all(section, ".//svg[@class='topology']/g[" + hasClass("service") + "]"))
                .extracting(box -> box.getAttribute("data-service") + ": " + box.getAttribute("class"))
                .containsExactlyInAnyOrder("bystander: service ready", "crash: service failed", "after: service called-off");
        List<Element> rows = all(section, ".//table[@class='failed-steps']/tr[td]");
        assertThat(rows).singleElement().satisfies(row -> assertThat(all(row, "td")).extracting(Element::getTextContent)
                .startsWith("crash", "ready: declared ports accepting connections").endsWith(failedStep.outcome()));
        assertThat(failedStep.outcome()).startsWith("exited: ");
        Element failedBar = all(section, ".//g[@data-service='crash']/g[" + hasClass("failed") + "]").get(0);
        assertThat(failedBar.getAttribute("class")).isEqualTo("bar ready failed");
        assertThat(text(failedBar, "title")).endsWith("\n" + failedStep.outcome());
        assertThat(text(section, ".//g[@data-service='after']/*[@class='lane-note']")).startsWith("called off");
    }

    @Test
    void everyFailureIsListedAtTheTopWithItsFailureBundle() throws Exception {
        List<Element> failures = page.all("//section[" + hasClass("failures") + "]//li");
        Path testBundle = failedTest().bundle().orElseThrow();
        Path startBundle = broken.bundles().get(0);

        assertThat(failures).hasSize(2);
        assertThat(failures).anySatisfy(item -> {
            assertThat(item.getTextContent()).startsWith("Start of report-broken " + broken.instanceId() + " failed: Service \"crash\"");
            assertThat(page.target(all(item, "a[. = 'failure bundle']").get(0))).isEqualTo(startBundle);
        });
        assertThat(failures).anySatisfy(item -> {
            // The display name, with characters HTML must escape, reads as it was written.
            assertThat(item.getTextContent()).startsWith(failedTest().test() + " failed").contains("[" + ReportedRun.TRICKY_NAME + "]");
            assertThat(page.target(all(item, "a[. = 'failure bundle']").get(0))).isEqualTo(testBundle);
        });
        assertThat(Files.readString(startBundle)).contains("failed start of topology \"report-broken\"");
        assertThat(Files.readString(testBundle)).contains(ReportedRun.TRICKY_NAME);
    }

    @Test
    void testsOfAnInstanceAreListedPassedAndFailedWithTheFailuresBundle() throws Exception {
        List<Element> rows = all(page.section(tested), ".//table[@class='tests']/tr[td]");

        assertThat(rows).extracting(row -> row.getAttribute("class") + ": " + text(row, "td[1]"))
                .containsExactlyInAnyOrder("passed: " + tested.tests().stream().filter(t -> !t.failed()).findFirst().orElseThrow().test(),
                        "failed: " + failedTest().test());
        assertThat(failedTest().test()).contains(ReportedRun.TRICKY_NAME);
        Element failed = rows.stream().filter(row -> row.getAttribute("class").equals("failed")).findFirst().orElseThrow();
        assertThat(Files.exists(page.target(all(failed, ".//a").get(0)))).isTrue();
    }

    @Test
    void everyLogFileAndBundleIsLinkedRelativeToThePage() throws Exception {
        for (InstanceRecord instance : instances) {
            List<Path> linked = all(page.section(instance), ".//ul[" + hasClass("files") + "]//a").stream().map(page::target).toList();
            List<Path> files = instance.services().stream()
                    .flatMap(s -> Stream.of(s.stdoutFile(), s.stderrFile()))
                    .flatMap(Optional::stream).filter(Files::exists).collect(Collectors.toList());
            files.addAll(instance.bundles());

            assertThat(files).isNotEmpty();
            assertThat(linked).containsExactlyInAnyOrderElementsOf(files);
        }
    }

    @Test
    void pageLoadsNothingFromAnywhereAndRunsNoScript() throws Exception {
        String source = page.source();

        assertThat(page.all("//script | //link | //img | //iframe | //object | //embed | //base | //*[@style]")).isEmpty();
        assertThat(page.references()).isNotEmpty().allSatisfy(reference ->
                assertThat(reference).doesNotContain(":").doesNotStartWith("/"));
        assertThat(page.all("//style")).singleElement().satisfies(style ->
                assertThat(style.getTextContent()).doesNotContain("url(", "@import", "@font-face"));
        assertThat(source).doesNotContain("http:", "https:", "<script", "javascript:");
    }

    @Test
    void runReportWritesTheSameInstancesIntoTheRunsIndex() throws Exception {
        RunReport.get().writeIndex();
        ReportPage index = ReportPage.read(RunReport.get().index().orElseThrow());

        for (InstanceRecord instance : instances) {
            assertThat(all(index.section(instance), ".//svg[@class='topology']/g[" + hasClass("service") + "]"))
                    .hasSize(instance.services().size());
        }
    }

    private static InstanceRecord.TestUse failedTest() {
        return tested.tests().stream().filter(InstanceRecord.TestUse::failed).findFirst().orElseThrow();
    }

    private static double x(Element box) throws Exception {
        return Double.parseDouble(text(box, ".//rect/@x"));
    }

    private static double tickX(Element lane, String action) throws Exception {
        return Double.parseDouble(text(lane, "g[@class='event " + action + "']/line/@x1"));
    }

    private static double barX(Element lane, String kind) throws Exception {
        return Double.parseDouble(text(lane, "g[@class='bar " + kind + "']/rect/@x"));
    }

    private static double barEnd(Element lane, String kind) throws Exception {
        return barX(lane, kind) + Double.parseDouble(text(lane, "g[@class='bar " + kind + "']/rect/@width"));
    }
}
