package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every topology of this JVM that is not closed yet. When the JVM ends normally (including on
 * Ctrl-C), a shutdown hook closes what is left, so a forgotten {@code close()} leaks nothing, and
 * then removes the networks kept for later topologies ({@link NetworkPool}).
 */
final class LiveTopologies {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTopologies.class);
    private static final Set<StartedTopology> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveTopologies::closeAll, "flotilla-shutdown"));
    }

    private LiveTopologies() {
    }

    static void remember(StartedTopology topology) {
        LIVE.add(topology);
    }

    static void forget(StartedTopology topology) {
        LIVE.remove(topology);
    }

    private static void closeAll() {
        for (StartedTopology topology : new ArrayList<>(LIVE)) {
            try {
                topology.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not remove topology {} at JVM exit", topology, e);
            }
        }
        DockerEngine.closeNetworkPool();
        RunReport.get().writeIndex();
    }

    /** Whether this JVM has the reusable instance of that model hash attached right now. */
    static boolean usesReusable(String hash) {
        return LIVE.stream().anyMatch(t -> t.reuseHash().filter(hash::equals).isPresent());
    }
}
