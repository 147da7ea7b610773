package dev.flotilla.engine;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * The INFO lines of one long job, an image's pull or build: how far it is, at most one line
 * every {@link #EVERY} however often the engine reports, so that a slow pull shows it moves and
 * a fast one stays quiet. The job's own first and last lines (with the time it took) are its
 * owner's; this only paces the lines in between and keeps the clock.
 */
final class ProgressLine {

    /** How often a long job says how far it is: often enough to show it moves, seldom enough to read. */
    static final Duration EVERY = Duration.ofSeconds(5);
    /** The shortest wait between two looks at a job, whatever the interval: waiting threads tick this often at most. */
    private static final Duration SHORTEST_TICK = Duration.ofMillis(10);

    /** {@link #EVERY}, but for tests, which shorten it to see several lines of a short job. */
    private static volatile Duration interval = EVERY;

    private final Logger log;
    private final String doing;
    private final Duration every;
    private final long started = System.nanoTime();
    private long lastLine = started;

    /**
     * @param doing what the job does, starting its lines: {@code "Pulling image redis:7"}
     */
    ProgressLine(Logger log, String doing) {
        this.log = log;
        this.doing = doing;
        this.every = interval;
    }

    /**
     * Logs {@code doing: state; 12.0 s so far} if the last line (or the start) is an interval
     * old; asks for the state only then.
     */
    void report(Supplier<String> state) {
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastLine < every.toNanos()) {
                return;
            }
            lastLine = now;
        }
        log.info("{}: {}; {} so far", doing, state.get(), Durations.took(elapsed()));
    }

    /** How long to wait before the next line is due: what a waiting thread should wait at most before calling {@link #report}. */
    synchronized Duration untilNext() {
        Duration left = every.minusNanos(System.nanoTime() - lastLine);
        return left.compareTo(SHORTEST_TICK) < 0 ? SHORTEST_TICK : left;
    }

    /** How long the job has taken so far. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Makes the jobs that start from now on report every {@code shorter} instead of {@link #EVERY},
     * until the returned handle is closed: for tests that watch a job of a few seconds.
     */
    static Restore reportingEvery(Duration shorter) {
        interval = shorter;
        return () -> interval = EVERY;
    }

    /** Puts {@link #EVERY} back. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
