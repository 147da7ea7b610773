package dev.flotilla.assertj;

import java.util.Arrays;
import java.util.List;

import dev.flotilla.ServiceHandle;

/**
 * What a failure message shows of a service: its state and the last lines of its log, read when
 * the assertion fails. The log is {@link ServiceHandle#logs()}, in which secret values are masked.
 */
final class ServiceReport {

    /** The log lines a failure message shows: the end of the log, where the trouble usually is. */
    static final int LOG_LINES = 20;

    private ServiceReport() {
    }

    /** {@code service "orders"}. */
    static String name(ServiceHandle service) {
        return "service \"" + service.name() + "\"";
    }

    /** The indented state and log tail, on lines of their own, starting with a line break. */
    static String of(ServiceHandle service) {
        return of(service, service.logs());
    }

    /** The indented state, and the tail of {@code logs} as an assertion saw them, starting with a line break. */
    static String of(ServiceHandle service, String logs) {
        String state;
        try {
            state = service.state().toString();
        } catch (RuntimeException e) {
            state = "unknown: the engine could not be asked (" + e.getMessage() + ")";
        }
        return "\n  state: " + state + tail(logs);
    }

    /** The lines of a log as {@link ServiceHandle#logs()} gives it; none for an empty log. */
    static List<String> lines(String logs) {
        return logs.isEmpty() ? List.of() : Arrays.asList(logs.split("\n", -1));
    }

    /** Why none of {@code lines} matched: {@code none of its 37 log lines does}, {@code its log is empty}. */
    static String noneOf(List<String> lines) {
        if (lines.isEmpty()) {
            return "its log is empty";
        }
        return lines.size() == 1 ? "its one log line does not" : "none of its " + lines.size() + " log lines does";
    }

    /** The last {@link #LOG_LINES} lines of {@code logs}, indented, starting with a line break. */
    static String tail(String logs) {
        List<String> lines = lines(logs);
        if (lines.isEmpty()) {
            return "\n  log: empty";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
        StringBuilder text = new StringBuilder("\n  ").append(last.size() < lines.size()
                ? "last " + LOG_LINES + " of " + lines.size() + " log lines:" : lines.size() == 1 ? "its log line:" : "its " + lines.size() + " log lines:");
        last.forEach(line -> text.append("\n    | ").append(line));
        return text.toString();
    }
}
