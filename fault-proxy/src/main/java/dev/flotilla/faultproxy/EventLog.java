package dev.flotilla.faultproxy;

import java.io.PrintStream;

/** The proxy's output: one line per event that a test author may want to see in the container's log. */
final class EventLog {

    private final PrintStream out;

    EventLog(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        // println on a PrintStream is synchronized, so lines from event loops and the control thread never mix.
        out.println(text);
    }
}
