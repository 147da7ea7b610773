package dev.flotilla.bench;

/** The names of the table's rows, shared by the run that fills them and the reports that read them. */
final class Rows {

    static final String READINESS = "readiness latency (ms after ready)";
    /** The fault proxy's cost: PING round trip, median of one measurement's requests. */
    static final String PROXY_ROUND_TRIP_P50 = "round trip, PING p50";
    /** The fault proxy's cost: PING round trip, 99th percentile of one measurement's requests. */
    static final String PROXY_ROUND_TRIP_P99 = "round trip, PING p99";
    /** The fault proxy's cost: milliseconds per GET of a large value (reported as MB/s). */
    static final String PROXY_BULK = "bulk: GET of a 10 MiB value";

    private Rows() {
    }

    static String start(Scenario scenario) {
        return "start: " + scenario.title();
    }

    static String teardown(Scenario scenario) {
        return "teardown: " + scenario.title();
    }

    static boolean isTeardown(String row) {
        return row.startsWith("teardown: ");
    }

    static boolean isStart(String row) {
        return row.startsWith("start: ");
    }
}
