package dev.flotilla.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the containers and networks of sessions: one given session (what the watchdog does
 * when its JVM dies), or every session of this machine whose JVM is certainly dead (what each
 * JVM does once, when it first starts a topology). Reusable instances carry no session label,
 * so no sweep ever touches them.
 */
final class SessionSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private SessionSweeper() {
    }

    /** Removes everything of {@code sessionId}; returns how many containers and networks it removed. */
    static int sweepSession(DockerClient client, String sessionId) {
        return sweep(client, labels -> sessionId.equals(labels.get(Labels.SESSION)));
    }

    /** Removes everything of dead sessions other than this JVM's; returns how many containers and networks it removed. */
    static int sweepDeadSessions(DockerClient client) {
        return sweep(client, labels -> !Labels.SESSION_ID.equals(labels.get(Labels.SESSION))
                && SessionIdentity.isCertainlyDead(labels));
    }

    private static int sweep(DockerClient client, Predicate<Map<String, String>> doomed) {
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(Labels.SESSION)).exec();
        int removed = 0;
        Set<String> sessions = containers.stream().filter(c -> doomed.test(c.getLabels()))
                .map(c -> c.getLabels().get(Labels.SESSION)).collect(Collectors.toSet());
        for (Container container : containers) {
            if (doomed.test(container.getLabels())) {
                try {
                    removed += DockerRemoval.container(client, container.getId()) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove container {} of session {}", container.getId(), container.getLabels().get(Labels.SESSION), e);
                }
            }
        }
        for (Network network : client.listNetworksCmd().withFilter("label", List.of(Labels.SESSION)).exec()) {
            if (network.getLabels() != null && doomed.test(network.getLabels())) {
                try {
                    removed += DockerRemoval.network(client, network.getId()) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove network {} of session {}", network.getName(), network.getLabels().get(Labels.SESSION), e);
                }
            }
        }
        removed += TopologyVolumes.removeLabelled(client, Labels.SESSION, doomed);
        if (removed > 0) {
            LOG.info("Removed {} leftover container(s), network(s) and volume(s) of session(s) {}", removed, sessions);
        }
        return removed;
    }
}
