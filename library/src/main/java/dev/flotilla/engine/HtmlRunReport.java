package dev.flotilla.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The run report's page: one self-contained HTML file (no script, style sheet or font from
 * anywhere else), listing each topology instance of the run with its services, their steps,
 * the tests that used it, and links to every log file and failure bundle.
 */
final class HtmlRunReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private HtmlRunReport() {
    }

    static void write(RunReport run, Path page) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Flotilla run report</title></head><body>\n<h1>Flotilla run report</h1>\n");
        for (InstanceRecord instance : run.instances()) {
            html.append("<section class=\"instance\" id=\"").append(escape(instance.instanceId())).append("\">\n<h2>")
                    .append(escape(instance.spec().name())).append(" <small>").append(escape(instance.instanceId())).append("</small></h2>\n");
            instance.failure().ifPresent(f -> html.append("<p class=\"failure\">Start failed: ").append(escape(f)).append("</p>\n"));
            html.append("<table class=\"steps\"><tr><th>service</th><th>step</th><th>began</th><th>took</th><th>outcome</th></tr>\n");
            for (ServiceRecord service : instance.services()) {
                for (Phase phase : service.phases()) {
                    html.append("<tr><td>").append(escape(service.spec().name())).append("</td><td>").append(escape(phase.name()))
                            .append("</td><td>").append(TIME.format(phase.begin())).append("</td><td>")
                            .append(Durations.format(phase.duration())).append("</td><td>").append(escape(phase.outcome())).append("</td></tr>\n");
                }
            }
            html.append("</table>\n<ul class=\"logs\">\n");
            for (ServiceRecord service : instance.services()) {
                service.stdoutFile().ifPresent(f -> html.append("<li>").append(link(page, f, service.spec().name() + " log")).append("</li>\n"));
                service.stderrFile().filter(Files::exists)
                        .ifPresent(f -> html.append("<li>").append(link(page, f, service.spec().name() + " stderr")).append("</li>\n"));
            }
            html.append("</ul>\n<ul class=\"tests\">\n");
            for (InstanceRecord.TestUse test : instance.tests()) {
                html.append("<li class=\"").append(test.failed() ? "failed" : "passed").append("\">").append(escape(test.test()))
                        .append(test.failed() ? " failed" : " passed");
                test.bundle().ifPresent(b -> html.append(": ").append(link(page, b, "failure bundle")));
                html.append("</li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        html.append("</body></html>\n");
        Files.createDirectories(page.getParent());
        Files.writeString(page, html, StandardCharsets.UTF_8);
    }

    private static String link(Path page, Path target, String text) {
        return "<a href=\"" + escape(page.getParent().relativize(target).toString().replace('\\', '/')) + "\">" + escape(text) + "</a>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
