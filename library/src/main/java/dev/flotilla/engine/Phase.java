package dev.flotilla.engine;

import java.time.Duration;
import java.time.Instant;

import org.apiguardian.api.API;

/**
 * One timed step in a service's life, for the run report and failure bundles: preparing its
 * image, creating and starting its container, each readiness condition, its removal.
 *
 * @param name what was done, such as {@code "create"} or {@code "ready: log line matching /x/"}
 * @param begin when it began
 * @param end when it ended
 * @param outcome {@code "ok"}, or what went wrong ("timed out: last attempt: ...")
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Phase(String name, Instant begin, Instant end, String outcome) {

    /** The outcome of a step that went well. */
    public static final String OK = "ok";

    /** How long it took. */
    public Duration duration() {
        return Duration.between(begin, end);
    }

    /** Whether it went well. */
    public boolean ok() {
        return OK.equals(outcome);
    }
}
