package dev.flotilla.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;

/**
 * A topology instance as an inline SVG picture: each service a box with its image and published
 * ports, in columns by dependency depth (what a service depends on is to its left), and an arrow
 * from each service to each service it depends on. A box links to its service's log file;
 * a failed service is drawn red, one whose start was called off dashed.
 */
final class TopologyPicture {

    private static final int BOX_WIDTH = 220;
    private static final int BOX_HEIGHT = 66;
    private static final int COLUMN_GAP = 80;
    private static final int ROW_GAP = 22;
    private static final int MARGIN = 12;
    /** How many characters fit in a box: the name is larger, and shares its line with a badge. */
    private static final int NAME_CHARS = 22;
    private static final int NAME_CHARS_BESIDE_BADGE = 13;
    private static final int TEXT_CHARS = 27;

    private TopologyPicture() {
    }

    static String svg(InstanceRecord instance, Path page) {
        List<ServiceSpec> order = DependencyGraph.startOrder(instance.spec());
        Map<String, Integer> depth = new HashMap<>();
        List<List<ServiceSpec>> columns = new ArrayList<>();
        for (ServiceSpec service : order) {
            int d = service.dependsOn().stream().mapToInt(depth::get).map(x -> x + 1).max().orElse(0);
            depth.put(service.name(), d);
            while (columns.size() <= d) {
                columns.add(new ArrayList<>());
            }
            columns.get(d).add(service);
        }
        orderByDependencies(columns);
        int rows = columns.stream().mapToInt(List::size).max().orElse(1);
        int height = 2 * MARGIN + rows * BOX_HEIGHT + (rows - 1) * ROW_GAP;
        int width = 2 * MARGIN + columns.size() * BOX_WIDTH + (columns.size() - 1) * COLUMN_GAP;
        Map<String, int[]> at = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            List<ServiceSpec> column = columns.get(c);
            int top = (height - column.size() * BOX_HEIGHT - (column.size() - 1) * ROW_GAP) / 2;
            for (int r = 0; r < column.size(); r++) {
                at.put(column.get(r).name(), new int[] {MARGIN + c * (BOX_WIDTH + COLUMN_GAP), top + r * (BOX_HEIGHT + ROW_GAP)});
            }
        }
        String arrowId = "arrow-" + Html.escape(instance.instanceId());
        StringBuilder svg = new StringBuilder();
        svg.append(Html.svg("topology", width, height, "Services of " + instance.spec().name() + " and what each depends on"))
                .append("<defs><marker id=\"").append(arrowId).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\"")
                .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n");
        for (ServiceSpec service : order) {
            for (String dependency : service.dependsOn()) {
                svg.append(arrow(service.name(), at.get(service.name()), dependency, at.get(dependency), arrowId));
            }
        }
        for (ServiceSpec service : order) {
            svg.append(box(instance, instance.service(service.name()), at.get(service.name()), page));
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Puts each service of a column near the services it depends on (by the mean of their rows),
     * so that fewer arrows cross; ties keep declaration order.
     */
    private static void orderByDependencies(List<List<ServiceSpec>> columns) {
        Map<String, Double> row = new HashMap<>();
        for (List<ServiceSpec> column : columns) {
            column.sort(Comparator.comparingDouble(s -> s.dependsOn().stream().mapToDouble(row::get).average().orElse(0)));
            for (int r = 0; r < column.size(); r++) {
                row.put(column.get(r).name(), r - (column.size() - 1) / 2.0);
            }
        }
    }

    /** From the dependent's left side to the dependency's right side. */
    private static String arrow(String from, int[] dependent, String to, int[] dependency, String arrowId) {
        int x1 = dependent[0];
        int y1 = dependent[1] + BOX_HEIGHT / 2;
        int x2 = dependency[0] + BOX_WIDTH + 2;
        int y2 = dependency[1] + BOX_HEIGHT / 2;
        int bend = Math.max(30, (x1 - x2) / 2);
        return "<path class=\"dependency\" d=\"M" + x1 + "," + y1 + " C" + (x1 - bend) + "," + y1 + " " + (x2 + bend) + "," + y2
                + " " + x2 + "," + y2 + "\" marker-end=\"url(#" + arrowId + ")\"><title>" + Html.escape(from) + " depends on "
                + Html.escape(to) + "</title></path>\n";
    }

    private static String box(InstanceRecord instance, ServiceRecord service, int[] at, Path page) {
        ServiceOutcome outcome = ServiceOutcome.of(instance, service);
        String name = service.spec().name();
        String cssClass = "service " + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String ports = ports(service);
        StringBuilder box = new StringBuilder("<g class=\"").append(cssClass).append("\" data-service=\"").append(Html.escape(name)).append("\">");
        String log = service.stdoutFile().filter(Files::exists).map(f -> Html.escape(Html.href(page, f))).orElse(null);
        if (log != null) {
            box.append("<a href=\"").append(log).append("\">");
        }
        box.append("<title>").append(Html.escape(name + ": " + outcome.words() + "\nimage " + service.image() + "\nports " + ports
                + (log != null ? "\n(click for its log)" : ""))).append("</title>");
        box.append("<rect x=\"").append(at[0]).append("\" y=\"").append(at[1]).append("\" width=\"").append(BOX_WIDTH)
                .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"7\"/>");
        int x = at[0] + 12;
        box.append(text("name", x, at[1] + 22, name, outcome == ServiceOutcome.READY ? NAME_CHARS : NAME_CHARS_BESIDE_BADGE));
        if (outcome != ServiceOutcome.READY) {
            box.append("<text class=\"badge\" x=\"").append(at[0] + BOX_WIDTH - 10).append("\" y=\"").append(at[1] + 20)
                    .append("\" text-anchor=\"end\">").append(outcome.words()).append("</text>");
        }
        box.append(text("image", x, at[1] + 40, service.image(), TEXT_CHARS));
        box.append(text("ports", x, at[1] + 56, ports.isEmpty() ? "no ports published" : ports, TEXT_CHARS));
        if (log != null) {
            box.append("</a>");
        }
        return box.append("</g>\n").toString();
    }

    private static String text(String cssClass, int x, int y, String content, int chars) {
        String shown = content.length() > chars ? content.substring(0, chars - 1) + "\u2026" : content;
        return "<text class=\"" + cssClass + "\" x=\"" + x + "\" y=\"" + y + "\">" + Html.escape(shown) + "</text>";
    }

    /** "5432 → 49153, 8080 → 18080": container port, and the host port it was published on once started. */
    private static String ports(ServiceRecord service) {
        Map<Integer, Integer> published = service.publishedPorts();
        Map<Integer, Integer> fixed = service.spec().fixedPorts().stream().collect(Collectors.toMap(FixedPort::containerPort, FixedPort::hostPort));
        return service.spec().allContainerPorts().stream()
                .map(port -> {
                    Integer host = published.getOrDefault(port, fixed.get(port));
                    return host == null ? String.valueOf(port) : port + " \u2192 " + host;
                })
                .collect(Collectors.joining(", "));
    }
}
