package dev.flotilla.bench;

import java.util.Locale;

/** The cold start and the reuse attach, as Markdown tables, with issue 12's targets. */
final class LifecycleReport {

    private final Samples samples;
    private final int warmup;

    LifecycleReport(Samples samples, int warmup) {
        this.samples = samples;
        this.warmup = warmup;
    }

    String render() {
        StringBuilder md = new StringBuilder("Cold start and reuse attach (medians in ms over " + rounds() + " rounds):\n\n");
        md.append("| measurement | ").append(ColdStart.FLOOR).append(" | ").append(ColdStart.FLOTILLA).append(" |\n|---|---:|---:|\n");
        for (String row : ColdStart.ROWS) {
            double floor = samples.median(row, ColdStart.FLOOR);
            double flotilla = samples.median(row, ColdStart.FLOTILLA);
            md.append("| ").append(row).append(" | ").append(ms(floor)).append(" | ").append(ms(flotilla))
                    .append(" (").append(ratio(flotilla / floor)).append(") |\n");
        }
        double floorExtra = samples.median(ColdStart.FIRST, ColdStart.FLOOR) - samples.median(ColdStart.SECOND, ColdStart.FLOOR);
        double flotillaExtra = samples.median(ColdStart.FIRST, ColdStart.FLOTILLA) - samples.median(ColdStart.SECOND, ColdStart.FLOTILLA);
        md.append("| cold start's extra: first start - second start | ").append(ms(floorExtra)).append(" | ").append(ms(flotillaExtra))
                .append(" |\n");
        md.append("| ").append(ReuseAttach.FRESH).append(" | - | ").append(ms(samples.median(ReuseAttach.FRESH, ReuseAttach.FLOTILLA))).append(" |\n");
        double attach = samples.median(ReuseAttach.ATTACH, ReuseAttach.FLOTILLA);
        md.append("| ").append(ReuseAttach.ATTACH).append(" | - | ").append(ms(attach)).append(" |\n");
        double worst = samples.of(ReuseAttach.ATTACH, ReuseAttach.FLOTILLA).stream().mapToDouble(Double::doubleValue).max().orElse(0);
        md.append("\n| target (issue 12) | measured | met |\n|---|---|---|\n");
        md.append("| attaching to a reusable running instance: under 100 ms from the call to handles ready | median ")
                .append(ms(attach)).append(", worst ").append(ms(worst)).append(" | ").append(attach < 100 ? "yes" : "**no**").append(" |\n");
        double tc = samples.median(PreparedState.TC, PreparedState.COLUMN);
        md.append("\nPrepared state: ").append(PreparedState.COLUMN).append(" (medians over ")
                .append(samples.of(PreparedState.TC, PreparedState.COLUMN).size()).append(" rounds; ratio to Testcontainers):\n\n")
                .append("| contender | ms |\n|---|---:|\n");
        for (String row : PreparedState.ROWS) {
            double median = samples.median(row, PreparedState.COLUMN);
            md.append("| ").append(row).append(" | ").append(ms(median)).append(" (").append(ratio(median / tc)).append(") |\n");
        }
        md.append("\nMethod: cold start = a fresh JVM per measurement (java -cp with the benchmark's class path), timed by the parent from")
                .append(" launching it to the probe's line saying one busybox httpd service answers; inside it, Testcontainers' engine")
                .append(" discovery (for both), the first start (Flotilla's includes launching its watchdog), then a second start in the")
                .append(" same JVM. ").append(warmup).append(" warm-up round(s); the two contenders alternate which goes first.")
                .append(" Reuse attach: flotilla.reuse.enabled=true, a reusable topology of two busybox httpd services kept by a first")
                .append(" start, then each round one start() (attach) and, for comparison, a start of the same services afresh.")
                .append(" Prepared state: each round removes the snapshot, then times Flotilla with snapshots off (db + a psql job),")
                .append(" Flotilla's first start (prepared, stopped, kept as an image, started again), its start from the snapshot")
                .append(" (no job), and Testcontainers' PostgreSQLContainer started and prepared with the same SQL over JDBC; each")
                .append(" from the call to a database that answers with its schema in place. Between tests: after a test's changes")
                .append(" (a table dropped, a row added), Flotilla's reset() of the service started from the snapshot, against the")
                .append(" Testcontainers container's schema dropped and the same SQL run again over the open JDBC connection; each")
                .append(" to the prepared state back (rounds: the smaller of --rounds and --lifecycle-rounds).\n");
        return md.toString();
    }

    private int rounds() {
        return samples.of(ColdStart.LAUNCH_TO_READY, ColdStart.FLOTILLA).size();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
