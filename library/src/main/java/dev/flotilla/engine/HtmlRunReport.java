package dev.flotilla.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The run report's page: one self-contained HTML file, with no script and nothing loaded from
 * anywhere (its style is inline, its pictures inline SVG), so it reads the same opened from disk,
 * from a CI server's artifacts, or offline. At the top, what the run did and what failed, linked
 * to the failure bundles; below, each topology instance ({@link InstanceSection}).
 *
 * <p>The page is well-formed XML as well as HTML, so tools (and this project's tests) can read it.
 */
final class HtmlRunReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz").withZone(ZoneId.systemDefault());

    private HtmlRunReport() {
    }

    /** Writes the page of {@code run} to {@code page}. */
    static void write(RunReport run, Path page) throws IOException {
        write(run.instances(), page);
    }

    /** Writes a page of {@code instances} to {@code page}, replacing it whole: a reader never sees half a page. */
    static void write(List<InstanceRecord> instances, Path page) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Flotilla run report ").append(Html.escape(runId(page))).append("</title>\n<style>\n")
                .append(RunReportStyle.CSS).append("</style></head>\n<body><main>\n");
        html.append(summary(instances, page)).append(failures(instances, page)).append(contents(instances));
        ContainerEvents events = new ContainerEvents();
        instances.forEach(instance -> html.append(InstanceSection.html(instance, page, events)));
        html.append("<footer>Written by Flotilla at ").append(Html.escape(WHEN.format(Instant.now())))
                .append(", whenever an instance was removed and as the JVM ended.</footer>\n</main></body></html>\n");
        Files.createDirectories(page.getParent());
        Path draft = page.resolveSibling(page.getFileName() + ".tmp");
        Files.writeString(draft, html, StandardCharsets.UTF_8);
        try {
            Files.move(draft, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(draft, page, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String runId(Path page) {
        return page.toAbsolutePath().getParent().getFileName().toString();
    }

    private static String summary(List<InstanceRecord> instances, Path page) {
        Instant started = instances.stream().map(StartupTimeline::origin).min(Instant::compareTo).orElse(Instant.now());
        long tests = instances.stream().mapToLong(i -> i.tests().size()).sum();
        long failedTests = instances.stream().mapToLong(i -> i.tests().stream().filter(InstanceRecord.TestUse::failed).count()).sum();
        long failedStarts = instances.stream().filter(i -> i.failure().isPresent()).count();
        return "<h1>Flotilla run report</h1>\n<p class=\"run\">Run <code>" + Html.escape(runId(page)) + "</code>, started "
                + Html.escape(WHEN.format(started)) + "</p>\n<dl class=\"tiles\">"
                + tile("topology instances", instances.size(), "")
                + tile("services", instances.stream().mapToLong(i -> i.services().size()).sum(), "")
                + tile("tests", tests, failedTests == 0 && tests > 0 ? "good" : "")
                + tile("failed tests", failedTests, failedTests > 0 ? "bad" : "good")
                + tile("failed starts", failedStarts, failedStarts > 0 ? "bad" : "good") + "</dl>\n";
    }

    private static String tile(String words, long count, String cssClass) {
        return "<div class=\"tile " + cssClass + "\"><dt>" + words + "</dt><dd>" + count + "</dd></div>";
    }

    /** Every failed start and failed test of the run, each with its failure bundle. */
    private static String failures(List<InstanceRecord> instances, Path page) {
        List<String> items = new ArrayList<>();
        for (InstanceRecord instance : instances) {
            String where = " <a href=\"#" + Html.escape(InstanceSection.anchor(instance)) + "\">" + Html.escape(instance.spec().name())
                    + " " + Html.escape(instance.instanceId()) + "</a>";
            Set<Path> ofTests = new HashSet<>();
            for (InstanceRecord.TestUse test : instance.tests()) {
                test.bundle().ifPresent(ofTests::add);
                if (test.failed()) {
                    items.add("<li><span class=\"failed-text\">" + Html.escape(test.test()) + "</span> failed, on" + where
                            + test.bundle().map(b -> ": " + Html.link(page, b, "failure bundle")).orElse("") + "</li>");
                }
            }
            instance.failure().ifPresent(reason -> items.add("<li><span class=\"failed-text\">Start of" + where + " failed</span>: "
                    + Html.escape(reason) + instance.bundles().stream().filter(b -> !ofTests.contains(b))
                            .map(b -> " (" + Html.link(page, b, "failure bundle") + ")").collect(Collectors.joining()) + "</li>"));
        }
        return items.isEmpty() ? "" : "<section class=\"card failures\"><h2>Failures</h2>\n<ul class=\"plain\">\n"
                + String.join("\n", items) + "\n</ul></section>\n";
    }

    private static String contents(List<InstanceRecord> instances) {
        StringBuilder html = new StringBuilder("<section class=\"card contents\"><h2>Topology instances</h2>\n<table><tr><th>topology</th>"
                + "<th>instance</th><th>services</th><th>start</th><th>tests</th></tr>\n");
        for (InstanceRecord instance : instances) {
            long tests = instance.tests().size();
            long failed = instance.tests().stream().filter(InstanceRecord.TestUse::failed).count();
            String start = instance.failure().isPresent() ? "<td class=\"failed-text\">failed</td>"
                    : instance.ready().map(r -> "<td class=\"good-text\">ready after " + Durations.took(InstanceSection.since(instance, r))
                            + "</td>").orElse("<td>not ready</td>");
            html.append("<tr><td><a href=\"#").append(Html.escape(InstanceSection.anchor(instance))).append("\">")
                    .append(Html.escape(instance.spec().name())).append("</a></td><td class=\"mono\">").append(Html.escape(instance.instanceId()))
                    .append("</td><td>").append(instance.services().size()).append("</td>").append(start)
                    .append(failed > 0 ? "<td class=\"failed-text\">" + failed + " of " + tests + " failed</td>"
                            : "<td>" + (tests == 0 ? "none" : tests + " passed") + "</td>")
                    .append("</tr>\n");
        }
        return html.append("</table></section>\n").toString();
    }
}
