package dev.flotilla.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.flotilla.RunningTopology;
import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;

/**
 * The instances that every user in this JVM with an equal model shares ({@code Scope.SUITE}):
 * one per model for the JVM's whole life, however a build tool hands test classes to JUnit (all
 * in one launcher run, one run per class as Maven Surefire does with {@code forkCount} above one,
 * or one launcher session per class). They are removed when the JVM ends, by the same shutdown
 * hook as every other live topology, and by the watchdog if the JVM is killed.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SharedTopologies {

    private static final Map<TopologySpec, Once> INSTANCES = new ConcurrentHashMap<>();

    private SharedTopologies() {
    }

    /**
     * The shared instance of {@code spec}, started by {@code start} for the first caller; callers
     * that ask at the same moment wait for that one start. A start that failed fails every later
     * caller the same way, at once, rather than starting again for each.
     */
    public static RunningTopology getOrStart(TopologySpec spec, Supplier<RunningTopology> start) {
        return INSTANCES.computeIfAbsent(spec, key -> new Once()).get(start);
    }

    /**
     * Removes every shared instance now, as the JVM does when it exits, so that the next caller
     * starts afresh. For a program that plays several test runs in one JVM (the benchmarks); a test
     * run never needs it.
     */
    public static void closeAll() {
        for (TopologySpec spec : List.copyOf(INSTANCES.keySet())) {
            Once once = INSTANCES.remove(spec);
            if (once != null) {
                once.close();
            }
        }
    }

    /** One start, remembered with its outcome. */
    private static final class Once {
        private RunningTopology running;
        private RuntimeException failure;

        synchronized RunningTopology get(Supplier<RunningTopology> start) {
            if (running == null && failure == null) {
                try {
                    running = start.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return running;
        }

        synchronized void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
