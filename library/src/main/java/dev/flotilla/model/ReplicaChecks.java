package dev.flotilla.model;

import org.apiguardian.api.API;

/**
 * The checks on a service's replica count, as declared (through {@link TopologyValidator}) and as
 * a running service is scaled to: at least one, and more than one only where each replica can be
 * a container of its own.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReplicaChecks {

    private ReplicaChecks() {
    }

    /**
     * Checks that {@code service} of {@code topology} can run {@code count} replicas, as a scale to that count.
     *
     * @throws dev.flotilla.FlotillaConfigurationException naming the problem and the fix
     */
    public static void checkScale(TopologySpec topology, ServiceSpec service, int count) {
        ConfigProblems problems = new ConfigProblems();
        String where = "scale(" + count + ") on service \"" + service.name() + "\" of topology \"" + topology.name() + "\"";
        check(service, count, topology, where, problems);
        problems.throwIfAny();
    }

    static void check(ServiceSpec service, TopologySpec topology, SpecOrigin origin, ConfigProblems problems) {
        check(service, service.replicas(), topology, origin.service(service.name(), "replicas"), problems);
    }

    private static void check(ServiceSpec service, int replicas, TopologySpec topology, String where, ConfigProblems problems) {
        if (replicas < 1) {
            problems.add(where, replicas + " replicas: a service runs at least one", "ask for 1 replica or more");
            return;
        }
        if (replicas == 1) {
            return;
        }
        if (!service.fixedPorts().isEmpty()) {
            problems.add(where, replicas + " replicas of a service with fixed host ports " + service.fixedPorts()
                            + ": each replica would publish the same host port, and only one container can",
                    "publish the ports with ports = ... (each replica then gets host ports of its own), or run one replica");
        }
        if (service.container().isPresent()) {
            problems.add(where, replicas + " replicas of a service made by a container factory (" + service.container().get()
                            + "): its one container object cannot run as several containers",
                    "run the service from an image (image = ...) to have replicas, or declare one service per container object");
        }
        for (int index = 2; index <= replicas; index++) {
            String replicaName = ReplicaNames.of(service.name(), index);
            if (topology.service(replicaName).isPresent()) {
                problems.add(where, "replica " + index + " of service \"" + service.name() + "\" is named \"" + replicaName
                                + "\" (its container and log files), as is another service of the topology",
                        "rename service \"" + replicaName + "\", or run fewer replicas");
            }
        }
    }
}
