package dev.flotilla.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.model.ReplicaNames;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;

/**
 * The labels on everything Flotilla creates, and this JVM's session id. The Testcontainers
 * session labels are set too, so that where Ryuk runs it removes Flotilla's containers when the
 * JVM dies, beside Flotilla's own cleanup.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Labels {

    /** One value per JVM run. */
    public static final String SESSION = "dev.flotilla.session";
    /** The id of one running topology instance. */
    public static final String TOPOLOGY = "dev.flotilla.topology";
    /** The topology's name. */
    public static final String TOPOLOGY_NAME = "dev.flotilla.topology.name";
    /** The service's name, on containers. */
    public static final String SERVICE = "dev.flotilla.service";
    /** Which replica of its service a container is, from 1. */
    public static final String REPLICA = "dev.flotilla.replica";

    /** On every container and network of a reusable instance, which carries no session label. */
    public static final String REUSABLE = "dev.flotilla.reusable";
    /** The hash of a reusable instance's model: a later run with an equal model attaches to it. */
    public static final String REUSE_HASH = "dev.flotilla.reuse.hash";

    /**
     * The replica name of a container from its labels ({@link ReplicaNames}); a container without
     * a replica label, made before services had replicas, is replica 1. Null without a service label.
     */
    public static String replicaName(Map<String, String> containerLabels) {
        String service = containerLabels.get(SERVICE);
        return service == null ? null : ReplicaNames.of(service, Integer.parseInt(containerLabels.getOrDefault(REPLICA, "1")));
    }

    /** This JVM's session id. */
    public static final String SESSION_ID = UUID.randomUUID().toString();

    private Labels() {
    }

    /**
     * The labels of a reusable instance: no session label, and no Testcontainers session label,
     * so neither sweeps, the watchdog nor Ryuk remove it when the JVM ends.
     */
    public static Map<String, String> forReusable(String topologyName, String instanceId, String hash) {
        Map<String, String> labels = new HashMap<>();
        labels.put(REUSABLE, "true");
        labels.put(REUSE_HASH, hash);
        labels.put(TOPOLOGY, instanceId);
        labels.put(TOPOLOGY_NAME, topologyName);
        return labels;
    }

    /** The labels of a network or container of one topology instance. */
    public static Map<String, String> forTopology(String topologyName, String instanceId) {
        Map<String, String> labels = forSession();
        labels.put(TOPOLOGY, instanceId);
        labels.put(TOPOLOGY_NAME, topologyName);
        return labels;
    }

    /**
     * The labels of what belongs to this JVM's session but to no one instance: a network handed
     * from topology to topology ({@code NetworkPool}). Swept like an instance's after a crash.
     */
    public static Map<String, String> forSession() {
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put(SESSION, SESSION_ID);
        labels.putAll(SessionIdentity.labels());
        return labels;
    }
}
