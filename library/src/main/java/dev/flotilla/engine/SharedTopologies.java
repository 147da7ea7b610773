package dev.flotilla.engine;

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
    }
}
