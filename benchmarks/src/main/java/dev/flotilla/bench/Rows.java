package dev.flotilla.bench;

/** The names of the table's rows, shared by the run that fills them and the reports that read them. */
final class Rows {

    static final String READINESS = "readiness latency (ms after ready)";

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
