package dev.flotilla.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A horizontal bar chart of the medians, drawn as plain SVG: one panel each for start-up,
 * teardown and readiness latency, since their scales differ a hundredfold; within a panel, one
 * group of bars per scenario, one bar per contender.
 */
final class SvgChart {

    private static final String[] COLOURS = {"#7f7f7f", "#d62728", "#ff7f0e", "#9ecae1", "#1f77b4"};
    private static final int WIDTH = 900;
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_HEIGHT = 14;
    private static final int GROUP_GAP = 12;
    private static final int PANEL_GAP = 40;

    private final Samples samples;
    private final List<String> contenders;
    private final Samples suite;
    private final List<String> suiteContenders;

    SvgChart(Samples samples, List<String> contenders, Samples suite, List<String> suiteContenders) {
        this.samples = samples;
        this.contenders = contenders;
        this.suite = suite;
        this.suiteContenders = suiteContenders;
    }

    String render(String title) {
        StringBuilder body = new StringBuilder();
        int y = 40;
        y = legend(body, y, contenders);
        y = panel(body, y, "Start-up to HTTP-ready (median ms)", samples, contenders, Rows::isStart);
        y = panel(body, y, "Teardown (median ms)", samples, contenders, Rows::isTeardown);
        y = panel(body, y, "Readiness noticed after the service is ready (median ms)", samples, contenders, Rows.READINESS::equals);
        if (!suite.rows().isEmpty()) {
            y = legend(body, y, suiteContenders);
            y = panel(body, y, "Suite of 10 test classes, launch to end (median ms)", suite, suiteContenders, row -> true);
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + y
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                + "<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">" + escape(title) + "</text>\n"
                + body + "</svg>\n";
    }

    private static int legend(StringBuilder svg, int y, List<String> contenders) {
        int x = 10;
        for (int i = 0; i < contenders.size(); i++) {
            svg.append(rect(x, y - 10, 12, 12, COLOURS[i % COLOURS.length]));
            svg.append(text(x + 16, y, contenders.get(i), "start"));
            x += 30 + contenders.get(i).length() * 7;
        }
        return y + 20;
    }

    private static int panel(StringBuilder svg, int y, String heading, Samples samples, List<String> contenders, Predicate<String> rowFilter) {
        List<String> rows = samples.rows().stream().filter(rowFilter).toList();
        if (rows.isEmpty()) {
            return y;
        }
        double max = rows.stream()
                .flatMap(row -> contenders.stream().map(c -> samples.median(row, c)))
                .filter(v -> !Double.isNaN(v))
                .mapToDouble(Double::doubleValue).max().orElse(1);
        int plotWidth = WIDTH - LABEL_WIDTH - 90;
        y += 18;
        svg.append("<text x=\"10\" y=\"").append(y).append("\" font-weight=\"bold\">").append(escape(heading)).append("</text>\n");
        y += 10;
        for (String row : rows) {
            int groupTop = y;
            for (int i = 0; i < contenders.size(); i++) {
                double median = samples.median(row, contenders.get(i));
                if (!Double.isNaN(median)) {
                    int length = (int) Math.max(1, Math.round(median / max * plotWidth));
                    svg.append(rect(LABEL_WIDTH, y, length, BAR_HEIGHT - 2, COLOURS[i % COLOURS.length]));
                    svg.append(text(LABEL_WIDTH + length + 4, y + BAR_HEIGHT - 4, String.format(Locale.ROOT, "%,.0f", median), "start"));
                }
                y += BAR_HEIGHT;
            }
            // Strip the section word and any explanation in brackets: the section heading says it.
            String label = row.replaceFirst("^(start|teardown|suite): ", "").replaceFirst(" \\(.*\\)$", "");
            svg.append(text(LABEL_WIDTH - 8, (groupTop + y) / 2 + 4, label, "end"));
            y += GROUP_GAP;
        }
        return y + PANEL_GAP - GROUP_GAP;
    }

    private static String rect(int x, int y, int width, int height, String colour) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\" fill=\"" + colour + "\"/>\n";
    }

    private static String text(int x, int y, String content, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + escape(content) + "</text>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
