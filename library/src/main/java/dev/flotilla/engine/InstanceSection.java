package dev.flotilla.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flotilla.engine.ContainerEvents.ContainerEvent;

/**
 * One topology instance on the run report's page: what became of it, its picture, its start-up
 * timeline with the failed steps spelled out below, the tests that used it, and links to its log
 * files and failure bundles.
 */
final class InstanceSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private InstanceSection() {
    }

    /** The anchor of an instance's section, for links within the page. */
    static String anchor(InstanceRecord instance) {
        return "instance-" + instance.instanceId();
    }

    static String html(InstanceRecord instance, Path page, ContainerEvents dockerEvents) {
        boolean failed = instance.failure().isPresent() || instance.tests().stream().anyMatch(InstanceRecord.TestUse::failed);
        StringBuilder html = new StringBuilder("<section class=\"card instance ").append(failed ? "failed" : "ok").append("\" id=\"")
                .append(Html.escape(anchor(instance))).append("\">\n<h2>").append(Html.escape(instance.spec().name()))
                .append(" <span class=\"instance-id\">instance ").append(Html.escape(instance.instanceId())).append("</span> ")
                .append(status(instance)).append("</h2>\n").append(facts(instance));
        instance.failure().ifPresent(f -> html.append("<p class=\"start-failure\">Start failed: ").append(Html.escape(f)).append("</p>\n"));
        html.append("<h3>Services</h3>\n<div class=\"figure\">").append(TopologyPicture.svg(instance, page)).append("</div>\n")
                .append("<p class=\"legend\">Arrows point from a service to what it depends on; a box links to its service's log.</p>\n");
        Optional<List<ContainerEvent>> events = dockerEvents.of(instance);
        html.append("<h3>Start-up and teardown</h3>\n<div class=\"figure\">")
                .append(StartupTimeline.svg(instance, events.orElse(List.of()))).append("</div>\n")
                .append(legend()).append(eventsNote(instance, events));
        html.append(failedSteps(instance)).append(allSteps(instance)).append(tests(instance, page)).append(files(instance, page));
        return html.append("</section>\n").toString();
    }

    private static String status(InstanceRecord instance) {
        if (instance.failure().isPresent()) {
            return "<span class=\"status failed\">start failed</span>";
        }
        long failedTests = instance.tests().stream().filter(InstanceRecord.TestUse::failed).count();
        if (failedTests > 0) {
            return "<span class=\"status failed\">" + failedTests + (failedTests == 1 ? " test" : " tests") + " failed</span>";
        }
        return instance.ready().map(r -> "<span class=\"status ok\">ready in " + Durations.took(since(instance, r)) + "</span>").orElse("");
    }

    private static String facts(InstanceRecord instance) {
        StringBuilder facts = new StringBuilder("started ").append(TIME.format(StartupTimeline.origin(instance)));
        instance.ready().ifPresent(r -> facts.append(" \u00b7 ready after ").append(Durations.took(since(instance, r))));
        instance.removed().ifPresentOrElse(r -> facts.append(" \u00b7 removed after ").append(Durations.took(since(instance, r))),
                () -> facts.append(" \u00b7 not removed when this page was written"));
        int services = instance.services().size();
        facts.append(" \u00b7 ").append(services).append(services == 1 ? " service" : " services");
        return "<p class=\"facts\">" + Html.escape(facts.toString()) + "</p>\n";
    }

    /** The time from the instance's start to {@code moment}. */
    static Duration since(InstanceRecord instance, Instant moment) {
        return Duration.between(StartupTimeline.origin(instance), moment);
    }

    private static String legend() {
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (String kind : List.of("images", "create", "start", "ready", "remove")) {
            legend.append("<span class=\"swatch ").append(kind).append("\"></span>").append(kind);
        }
        legend.append("<span class=\"swatch failed\"></span>failed<span class=\"swatch called-off\"></span>called off");
        legend.append(" \u00a0 Docker's events:");
        for (String action : ContainerEvents.ACTIONS) {
            legend.append("<span class=\"swatch tri ").append(action).append("\"></span>").append(action);
        }
        return legend.append(" \u00a0 Hover over a bar or tick for its times.</p>\n").toString();
    }

    /** Says why Docker's ticks are missing, where they are. */
    private static String eventsNote(InstanceRecord instance, Optional<List<ContainerEvent>> events) {
        if (events.isEmpty()) {
            return "<p class=\"note\">Docker's own events are not shown: the engine could not be asked when this page was written.</p>\n";
        }
        Set<String> createdSeen = events.get().stream().filter(e -> e.action().equals("create")).map(ContainerEvent::service)
                .collect(Collectors.toSet());
        boolean missing = instance.services().stream()
                .anyMatch(s -> s.phases().stream().anyMatch(p -> p.name().equals("create") && p.ok()) && !createdSeen.contains(s.spec().name()));
        return missing ? "<p class=\"note\">Some of Docker's events are missing: Docker keeps only its latest 256 events, and earlier"
                + " ones of these containers were gone when this page was written.</p>\n" : "";
    }

    private static String failedSteps(InstanceRecord instance) {
        StringBuilder rows = new StringBuilder();
        for (ServiceRecord service : instance.services()) {
            for (Phase phase : service.phases()) {
                if (ServiceOutcome.failedItself(phase)) {
                    rows.append(stepRow(instance, service, phase, "failed"));
                }
            }
        }
        return rows.length() == 0 ? "" : "<h3>Failed steps</h3>\n<table class=\"failed-steps\"><tr><th>service</th><th>step</th><th>began</th>"
                + "<th>took</th><th>outcome</th></tr>\n" + rows + "</table>\n";
    }

    private static String allSteps(InstanceRecord instance) {
        StringBuilder html = new StringBuilder("<details><summary>Every step, in the order they ended</summary>\n<table class=\"steps\">"
                + "<tr><th>service</th><th>step</th><th>began</th><th>took</th><th>outcome</th></tr>\n");
        for (ServiceRecord service : instance.services()) {
            for (Phase phase : service.phases()) {
                html.append(stepRow(instance, service, phase, ServiceOutcome.failedItself(phase) ? "failed" : "ok"));
            }
        }
        return html.append("</table></details>\n").toString();
    }

    private static String stepRow(InstanceRecord instance, ServiceRecord service, Phase phase, String cssClass) {
        return "<tr class=\"" + cssClass + "\"><td>" + Html.escape(service.spec().name()) + "</td><td>" + Html.escape(phase.name())
                + "</td><td class=\"mono\">+" + Durations.took(since(instance, phase.begin())) + "</td><td class=\"mono\">"
                + Durations.took(phase.duration()) + "</td><td class=\"outcome" + (phase.ok() ? "" : " failed-text") + "\">"
                + Html.escape(phase.outcome()) + "</td></tr>\n";
    }

    private static String tests(InstanceRecord instance, Path page) {
        List<InstanceRecord.TestUse> tests = instance.tests();
        if (tests.isEmpty()) {
            return "<h3>Tests</h3>\n<p class=\"facts\">No test recorded using this instance.</p>\n";
        }
        StringBuilder html = new StringBuilder("<h3>Tests</h3>\n<table class=\"tests\"><tr><th>test</th><th>result</th><th>failure bundle</th></tr>\n");
        for (InstanceRecord.TestUse test : tests) {
            html.append("<tr class=\"").append(test.failed() ? "failed" : "passed").append("\"><td>").append(Html.escape(test.test()))
                    .append("</td><td class=\"result\">").append(test.failed() ? "failed" : "passed").append("</td><td>")
                    .append(test.bundle().map(b -> Html.link(page, b, b.getFileName().toString())).orElse("")).append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String files(InstanceRecord instance, Path page) {
        StringBuilder html = new StringBuilder("<h3>Files</h3>\n<ul class=\"plain files\">\n");
        for (ServiceRecord service : Stream.concat(instance.services().stream(), instance.moreReplicas().stream()).toList()) {
            List<String> links = Stream.of(service.stdoutFile(), service.stderrFile()).flatMap(Optional::stream)
                    .filter(Files::exists).map(f -> Html.link(page, f, f.getFileName().toString())).toList();
            html.append("<li><b>").append(Html.escape(service.name())).append("</b>: ")
                    .append(links.isEmpty() ? "no output" : String.join(" \u00b7 ", links)).append("</li>\n");
        }
        for (Path bundle : instance.bundles()) {
            html.append("<li>failure bundle: ").append(Html.link(page, bundle, bundle.getFileName().toString())).append("</li>\n");
        }
        return html.append("</ul>\n").toString();
    }
}
