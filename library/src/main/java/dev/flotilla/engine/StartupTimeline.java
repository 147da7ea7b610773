package dev.flotilla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.flotilla.engine.ContainerEvents.ContainerEvent;

/**
 * A topology instance's start-up and teardown as an inline SVG timeline: one lane per service,
 * in start order, with a bar for each of its steps (images, create, start, each readiness
 * condition, remove) on one time axis from the instance's start, and a tick for each event Docker
 * recorded of its container. Each bar and tick tells its times in a tooltip; a failed step is red
 * and its tooltip says why.
 */
final class StartupTimeline {

    static final int WIDTH = 1120;
    private static final int LABEL_WIDTH = 150;
    private static final int RIGHT_MARGIN = 24;
    private static final int AXIS_HEIGHT = 28;
    private static final int LANE_HEIGHT = 34;
    private static final int FOOT_HEIGHT = 22;
    private static final int LABEL_CHARS = 18;

    private StartupTimeline() {
    }

    static String svg(InstanceRecord instance, List<ContainerEvent> events) {
        List<ServiceRecord> services = DependencyGraph.startOrder(instance.spec()).stream().map(s -> instance.service(s.name())).toList();
        Instant origin = origin(instance);
        TimeAxis axis = TimeAxis.fit(activity(instance, events, origin), LABEL_WIDTH, WIDTH - LABEL_WIDTH - RIGHT_MARGIN);
        int lanesBottom = AXIS_HEIGHT + services.size() * LANE_HEIGHT;
        int height = lanesBottom + FOOT_HEIGHT;
        StringBuilder svg = new StringBuilder(Html.svg("timeline", WIDTH, height,
                "Start-up and teardown of " + instance.spec().name() + ", in seconds since its start"));
        for (int i = 0; i < services.size(); i++) {
            svg.append(rect("lane" + (i % 2 == 0 ? " even" : ""), 0, AXIS_HEIGHT + i * LANE_HEIGHT, WIDTH, LANE_HEIGHT)).append('\n');
        }
        grid(svg, axis, lanesBottom);
        for (int i = 0; i < services.size(); i++) {
            lane(svg, instance, services.get(i), events, origin, axis, AXIS_HEIGHT + i * LANE_HEIGHT);
        }
        foot(svg, instance, origin, axis, lanesBottom);
        return svg.append("</svg>\n").toString();
    }

    /** The instance's start: when its record was made, or its images began to be prepared, whichever came first. */
    static Instant origin(InstanceRecord instance) {
        return instance.services().stream().flatMap(s -> s.phases().stream()).map(Phase::begin)
                .reduce(instance.created(), (a, b) -> a.isBefore(b) ? a : b);
    }

    private static List<long[]> activity(InstanceRecord instance, List<ContainerEvent> events, Instant origin) {
        List<long[]> activity = new ArrayList<>();
        instance.services().forEach(s -> s.phases().forEach(p -> activity.add(new long[] {millis(origin, p.begin()), millis(origin, p.end())})));
        events.forEach(e -> activity.add(new long[] {millis(origin, e.time()), millis(origin, e.time())}));
        Stream.of(instance.ready(), instance.removed()).flatMap(o -> o.stream())
                .forEach(t -> activity.add(new long[] {millis(origin, t), millis(origin, t)}));
        return activity;
    }

    private static void grid(StringBuilder svg, TimeAxis axis, int lanesBottom) {
        for (TimeAxis.Segment segment : axis.segments()) {
            for (long tick : TimeAxis.ticks(segment)) {
                double x = segment.x(tick);
                svg.append("<line class=\"grid\" x1=\"").append(px(x)).append("\" y1=\"").append(AXIS_HEIGHT - 6).append("\" x2=\"")
                        .append(px(x)).append("\" y2=\"").append(lanesBottom).append("\"/>")
                        .append("<text class=\"tick\" x=\"").append(px(x)).append("\" y=\"").append(AXIS_HEIGHT - 10)
                        .append("\" text-anchor=\"middle\">").append(TimeAxis.label(segment, tick)).append("</text>\n");
            }
        }
        for (TimeAxis.Break cut : axis.breaks()) {
            svg.append("<g class=\"break\"><title>").append(Durations.took(Duration.ofMillis(cut.to() - cut.from())))
                    .append(" with no start-up or teardown step (tests ran) left out</title>")
                    .append(rect("break", cut.x() + 4, AXIS_HEIGHT, cut.width() - 8, lanesBottom - AXIS_HEIGHT))
                    .append("<text class=\"break-label\" x=\"").append(px(cut.x() + cut.width() / 2)).append("\" y=\"").append(AXIS_HEIGHT - 10)
                    .append("\" text-anchor=\"middle\">+").append(shortSeconds(cut.to() - cut.from())).append("</text></g>\n");
        }
    }

    private static void lane(StringBuilder svg, InstanceRecord instance, ServiceRecord service, List<ContainerEvent> events,
            Instant origin, TimeAxis axis, int top) {
        String name = service.spec().name();
        ServiceOutcome outcome = ServiceOutcome.of(instance, service);
        svg.append("<g class=\"service-lane\" data-service=\"").append(Html.escape(name)).append("\">");
        svg.append("<text class=\"lane-label ").append(outcome.name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\" x=\"")
                .append(LABEL_WIDTH - 12).append("\" y=\"").append(top + 22).append("\" text-anchor=\"end\"><title>")
                .append(Html.escape(name + ": " + outcome.words())).append("</title>")
                .append(Html.escape(name.length() > LABEL_CHARS ? name.substring(0, LABEL_CHARS - 1) + "\u2026" : name)).append("</text>\n");
        List<Phase> phases = service.phases();
        for (Phase phase : phases) {
            svg.append(bar(name, phase, origin, axis, top));
        }
        if (outcome == ServiceOutcome.CALLED_OFF) {
            double after = phases.stream().mapToDouble(p -> axis.x(millis(origin, p.end()))).max().orElse(LABEL_WIDTH);
            svg.append("<text class=\"lane-note\" x=\"").append(px(after + 8)).append("\" y=\"").append(top + 23)
                    .append("\">called off: another service failed first</text>");
        }
        for (ContainerEvent event : events) {
            if (event.service().equals(name)) {
                svg.append(tick(event, origin, axis, top));
            }
        }
        svg.append("</g>\n");
    }

    private static String bar(String service, Phase phase, Instant origin, TimeAxis axis, int top) {
        long from = millis(origin, phase.begin());
        long to = millis(origin, phase.end());
        double x = axis.x(from);
        double width = Math.max(3, axis.x(to) - x);
        String kind = kind(phase);
        String state = ServiceOutcome.failedItself(phase) ? " failed" : phase.ok() ? "" : " called-off";
        StringBuilder bar = new StringBuilder("<g class=\"bar ").append(kind).append(state).append("\"><title>")
                .append(Html.escape(service + ": " + phase.name() + "\nfrom " + seconds(from) + " to " + seconds(to)
                        + " (" + Durations.took(Duration.ofMillis(to - from)) + ")\n" + (phase.ok() ? "ok" : phase.outcome())))
                .append("</title>").append(rect("fill", x, top + 11, width, 17));
        String label = switch (kind) {
            case "other" -> phase.name();
            case "images" -> phase.name().startsWith("pull ") ? "pull" : "image";
            default -> kind;
        };
        String timed = label + " " + Durations.took(Duration.ofMillis(to - from));
        String shown = fits(timed, width) ? timed : fits(label, width) ? label : null;
        if (shown != null) {
            bar.append("<text class=\"bar-label\" x=\"").append(px(x + 4)).append("\" y=\"").append(top + 23).append("\">")
                    .append(Html.escape(shown)).append("</text>");
        }
        return bar.append("</g>\n").toString();
    }

    private static boolean fits(String label, double width) {
        return width >= label.length() * 6.8 + 8;
    }

    private static String tick(ContainerEvent event, Instant origin, TimeAxis axis, int top) {
        long at = millis(origin, event.time());
        String x = px(axis.x(at));
        return "<g class=\"event " + Html.escape(event.action()) + "\"><title>" + Html.escape("Docker: " + event.action() + " of "
                + event.container() + " at " + seconds(at)) + "</title><line x1=\"" + x + "\" y1=\"" + (top + 7) + "\" x2=\"" + x
                + "\" y2=\"" + (top + LANE_HEIGHT - 3) + "\"/><path d=\"M" + x + "," + (top + 9) + " l-4,-7 h8 z\"/></g>\n";
    }

    /** The moments the whole instance was ready and removed, under the lanes. */
    private static void foot(StringBuilder svg, InstanceRecord instance, Instant origin, TimeAxis axis, int lanesBottom) {
        instance.ready().ifPresent(ready -> marker(svg, "ready", "all ready", millis(origin, ready), axis, lanesBottom));
        instance.removed().ifPresent(removed -> marker(svg, "removed", "removed", millis(origin, removed), axis, lanesBottom));
    }

    private static void marker(StringBuilder svg, String cssClass, String words, long at, TimeAxis axis, int lanesBottom) {
        String x = px(axis.x(at));
        svg.append("<g class=\"moment ").append(cssClass).append("\"><title>").append(words).append(" at ").append(seconds(at))
                .append("</title><line x1=\"").append(x).append("\" y1=\"").append(AXIS_HEIGHT).append("\" x2=\"").append(x)
                .append("\" y2=\"").append(lanesBottom + 4).append("\"/><text x=\"").append(x).append("\" y=\"").append(lanesBottom + 16)
                .append("\" text-anchor=\"").append(cssClass.equals("removed") ? "end" : "middle").append("\">").append(words)
                .append(' ').append(seconds(at)).append("</text></g>\n");
    }

    /**
     * The kind of a step, which sets its color: images (its pull, the look that found it on the
     * engine, or the build of a Java application's), create, start, ready, remove, or other.
     */
    static String kind(Phase phase) {
        String name = phase.name();
        if (name.startsWith("pull ") || name.startsWith("image ")) {
            return "images";
        }
        for (String kind : List.of("create", "start", "ready", "remove")) {
            if (name.equals(kind) || name.startsWith(kind + ":")) {
                return kind;
            }
        }
        return "other";
    }

    private static String rect(String cssClass, double x, double y, double width, double height) {
        return "<rect class=\"" + cssClass + "\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(width) + "\" height=\"" + px(height) + "\"/>";
    }

    private static long millis(Instant origin, Instant moment) {
        return Duration.between(origin, moment).toMillis();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private static String shortSeconds(long millis) {
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis / 1000 + " s";
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
