package dev.flotilla.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Default networks handed from topology to topology within this JVM. Creating a bridge network
 * and removing it take a Docker engine about 200 ms each, and while the engine creates one it
 * starts containers more slowly; a suite whose classes each start a topology pays for both every
 * time. So a topology's default network, once the topology is removed and no container is left on
 * it, is kept for the next topology that starts, instead of removed.
 *
 * <p>At most {@value #MAX_IDLE} are kept; one more given back is removed at once. What is kept is
 * removed when the JVM ends ({@link LiveTopologies}), and after a crash it is swept with the
 * session's containers, whose session labels it carries. A network with any container still
 * attached is never handed on, so Docker's DNS on it answers no name of an earlier topology. Its
 * name is the pool's, {@code flotilla-net-<session>-<n>}, not a topology's.
 *
 * <p>Not used on Podman, whose DNS at times answers no name of a network for 20 s and more after
 * a container of it stopped (README, <i>Supported setups</i>), nor for reusable instances, whose
 * network outlives the JVM; switched off with {@code flotilla.network.pool=off}.
 */
final class NetworkPool {

    static final int MAX_IDLE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(NetworkPool.class);
    private static final String NAME_PREFIX = "flotilla-net-" + Labels.SESSION_ID.replace("-", "").substring(0, 12) + "-";

    private final DockerClient client;
    private final boolean engineAllows;
    private final AtomicInteger created = new AtomicInteger();
    private final Deque<String> idle = new ArrayDeque<>();
    private boolean closed;

    NetworkPool(DockerClient client, boolean engineAllows) {
        this.client = client;
        this.engineAllows = engineAllows;
    }

    /** Whether topologies of this JVM take their default network from here. */
    boolean inUse() {
        return engineAllows && FlotillaSettings.get().networkPool();
    }

    /** The name of a network for a new topology: one handed on, or a new one. */
    String take() {
        for (String kept = poll(); kept != null; kept = poll()) {
            // Someone may have removed it meanwhile ("docker network prune" removes unused networks), or attached a container.
            Optional<Integer> containers = attached(kept);
            if (containers.isPresent() && containers.get() == 0) {
                LOG.debug("Handing network {} on to a new topology", kept);
                return kept;
            }
            if (containers.isPresent()) {
                LOG.warn("Not handing network {} on: {} container(s) joined it after its topology was removed;"
                        + " it is left to the cleanup of this JVM's session, whose labels it carries", kept, containers.get());
            }
        }
        String name = NAME_PREFIX + created.incrementAndGet();
        client.createNetworkCmd().withName(name).withDriver("bridge").withLabels(Labels.forSession()).exec();
        return name;
    }

    /**
     * Keeps a network whose topology is removed for the next one, or removes it: when a container
     * is still attached, when {@value #MAX_IDLE} are kept already, or once the JVM ends.
     *
     * @throws com.github.dockerjava.api.exception.DockerException if it could not be removed
     */
    void giveBack(String name) {
        Optional<Integer> containers = attached(name);
        if (containers.isEmpty()) {
            return;
        }
        if (containers.get() == 0 && offer(name)) {
            return;
        }
        DockerRemoval.networkOnceLeft(client, name);
    }

    /** Removes the networks kept; any given back later is removed at once. */
    void close() {
        List<String> kept;
        synchronized (this) {
            closed = true;
            kept = List.copyOf(idle);
            idle.clear();
        }
        for (String name : kept) {
            try {
                DockerRemoval.network(client, name);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove network {}", name, e);
            }
        }
    }

    private synchronized String poll() {
        return idle.pollFirst();
    }

    private synchronized boolean offer(String name) {
        if (closed || idle.size() >= MAX_IDLE) {
            return false;
        }
        idle.addFirst(name);
        return true;
    }

    /** How many containers are attached to the network; empty if it is gone. */
    private Optional<Integer> attached(String name) {
        try {
            Network network = client.inspectNetworkCmd().withNetworkId(name).exec();
            Map<String, Network.ContainerNetworkConfig> containers = network.getContainers();
            return Optional.of(containers == null ? 0 : containers.size());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
