package dev.flotilla.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of medians with ratios to the floor, the targets with what was measured,
 * and how it was measured.
 */
final class MarkdownReport {

    private final Samples samples;
    private final List<String> contenders;
    private final String floor;
    private final String flotilla;
    private final String sequential;
    private final Samples suite;
    private final List<String> suiteContenders;
    private final String method;

    MarkdownReport(Samples samples, List<String> contenders, Samples suite, List<String> suiteContenders, String method) {
        this.samples = samples;
        this.contenders = contenders;
        this.suite = suite;
        this.suiteContenders = suiteContenders;
        this.floor = contenders.get(0);
        this.sequential = contenders.get(1);
        this.flotilla = contenders.get(contenders.size() - 1);
        this.method = method;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("Medians in ms; in brackets the ratio to the docker-java floor (readiness: ms over the floor).\n\n");
        md.append("| scenario |");
        contenders.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|");
        contenders.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String row : samples.rows()) {
            md.append("| ").append(row).append(" |");
            double base = samples.median(row, floor);
            for (String contender : contenders) {
                md.append(' ').append(cell(row, contender, base)).append(" |");
            }
            md.append('\n');
        }
        md.append("\n").append(suiteTable());
        md.append("\n").append(targets());
        md.append("\n").append(method).append("\n");
        return md.toString();
    }

    /** The suite scenario, with ratios to Flotilla's shared topology. */
    private String suiteTable() {
        String shared = suiteContenders.get(suiteContenders.size() - 1);
        StringBuilder md = new StringBuilder("Suite of 10 test classes (median ms; in brackets the ratio to Flotilla Scope.SUITE):\n\n| scenario |");
        suiteContenders.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|");
        suiteContenders.forEach(c -> md.append("---:|"));
        md.append("\n| ").append(SuiteScenario.ROW).append(" |");
        double base = suite.median(SuiteScenario.ROW, shared);
        for (String contender : suiteContenders) {
            double median = suite.median(SuiteScenario.ROW, contender);
            md.append(' ').append(ms(median)).append(contender.equals(shared) ? "" : " (" + ratio(median / base) + ")").append(" |");
        }
        return md.append('\n').toString();
    }

    private String cell(String row, String contender, double base) {
        List<Double> values = samples.of(row, contender);
        if (values.isEmpty()) {
            return "-";
        }
        double median = Samples.median(values);
        String n = values.size() == samples.of(row, floor).size() ? "" : " n=" + values.size();
        if (contender.equals(floor)) {
            return ms(median) + n;
        }
        if (row.equals(Rows.READINESS)) {
            return ms(median) + " (" + signed(median - base) + ")" + n;
        }
        return ms(median) + " (" + ratio(median / base) + ")" + n;
    }

    /**
     * Each target judged on the per-round pairing (see {@link Samples#pairedMedian}); the ratio
     * or difference of the medians in the table is shown beside it.
     */
    private String targets() {
        List<String[]> lines = new ArrayList<>();
        String eight = Rows.start(Scenario.independent(8));
        double toFloor = samples.pairedMedian(eight, flotilla, floor, (a, b) -> a / b);
        lines.add(new String[] {"8 independent to HTTP-ready: Flotilla within 1.15x of the parallel floor",
                ratio(toFloor) + " (medians: " + ratio(samples.median(eight, flotilla) / samples.median(eight, floor)) + ")",
                met(toFloor <= 1.15)});
        double speedup = samples.pairedMedian(eight, sequential, flotilla, (a, b) -> a / b);
        lines.add(new String[] {"8 independent: Flotilla at least 4x faster than TC start() one by one",
                ratio(speedup) + " faster (medians: " + ratio(samples.median(eight, sequential) / samples.median(eight, flotilla)) + ")",
                met(speedup >= 4)});
        String one = Rows.start(Scenario.single());
        double added = samples.pairedMedian(one, flotilla, floor, (a, b) -> a - b);
        lines.add(new String[] {"1 service: Flotilla adds at most 50 ms over the floor",
                signed(added) + " (medians: " + signed(samples.median(one, flotilla) - samples.median(one, floor)) + ")",
                met(added <= 50)});
        List<Double> latencies = samples.of(Rows.READINESS, flotilla);
        double latency = Samples.median(latencies);
        double worst = latencies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        lines.add(new String[] {"readiness noticed within 100 ms of becoming ready",
                "median " + ms(latency) + ", worst " + ms(worst) + " (floor: median " + ms(samples.median(Rows.READINESS, floor)) + ")",
                met(worst <= 100) + (worst <= 100 || latency > 100 ? "" : " (median met, worst missed)")});
        String teardown = Rows.teardown(Scenario.independent(8));
        double teardownRatio = samples.pairedMedian(teardown, flotilla, floor, (a, b) -> a / b);
        lines.add(new String[] {"teardown of 8: within 1.1x of the floor's parallel removal",
                ratio(teardownRatio) + " (medians: " + ratio(samples.median(teardown, flotilla) / samples.median(teardown, floor)) + ")",
                met(teardownRatio <= 1.1)});
        String chain = Rows.start(Scenario.chain(4));
        double chainRatio = samples.pairedMedian(chain, flotilla, floor, (a, b) -> a / b);
        lines.add(new String[] {"chain of 4 to HTTP-ready: Flotilla at most 0.8x the floor (issue 12: containers started ahead)",
                ratio(chainRatio) + " (medians: " + ratio(samples.median(chain, flotilla) / samples.median(chain, floor)) + ")",
                met(chainRatio <= 0.8)});
        if (contenders.contains(FlotillaContender.OWN_NETWORKS)) {
            double own = samples.pairedMedian(chain, FlotillaContender.OWN_NETWORKS, floor, (a, b) -> a / b);
            lines.add(new String[] {"chain of 4, Flotilla making and removing a network of its own per topology, as the floor does"
                    + " (flotilla.network.pool=off; no target)",
                    ratio(own) + " (medians: " + ratio(samples.median(chain, FlotillaContender.OWN_NETWORKS) / samples.median(chain, floor)) + ")",
                    "-"});
        }
        // No start order beats starting all four at once: the floor's 4 independent over its chain is how low any contender can go here.
        String four = Rows.start(Scenario.independent(4));
        double bound = samples.pairedMedian(four, floor, chain, floor, (a, b) -> a / b);
        double toBound = samples.pairedMedian(chain, flotilla, four, floor, (a, b) -> a / b);
        lines.add(new String[] {"chain of 4, the engine's bound (no target): the floor's 4 independent over its chain of 4,"
                + " the least any order of four starts can take on this engine",
                ratio(bound) + " (medians: " + ratio(samples.median(four, floor) / samples.median(chain, floor)) + "); Flotilla's chain is "
                        + ratio(toBound) + " of the floor's 4 independent", "-"});
        String tcPerClass = suiteContenders.get(0);
        String shared = suiteContenders.get(suiteContenders.size() - 1);
        double suiteSpeedup = suite.pairedMedian(SuiteScenario.ROW, tcPerClass, shared, (a, b) -> a / b);
        lines.add(new String[] {"suite of 10 classes sharing one topology vs TC restarting per class (no number set)",
                ms(suite.median(SuiteScenario.ROW, shared)) + " vs " + ms(suite.median(SuiteScenario.ROW, tcPerClass))
                        + ": " + ratio(suiteSpeedup) + " faster", "-"});

        StringBuilder md = new StringBuilder("Targets, judged on the median over rounds of each round's ratio (or difference) between"
                + " Flotilla and the other contender, which cancels the load other work puts on the shared machine:\n\n"
                + "| target (issues 5 and 12) | measured | met |\n|---|---|---|\n");
        lines.forEach(l -> md.append("| ").append(l[0]).append(" | ").append(l[1]).append(" | ").append(l[2]).append(" |\n"));
        return md.toString();
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String signed(double millis) {
        return String.format(Locale.ROOT, "%+.0f ms", millis);
    }
}
