package dev.flotilla.model;

import java.util.List;

import org.apiguardian.api.API;

/** What a service kept as a snapshot must be: prepared by one-shot jobs, one container, run from an image. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SnapshotChecks {

    private SnapshotChecks() {
    }

    /** Records a problem for each service kept as a snapshot that cannot be. */
    static void check(TopologySpec spec, SpecOrigin origin, ConfigProblems problems) {
        for (ServiceSpec service : spec.services()) {
            if (!service.snapshot()) {
                continue;
            }
            String where = origin.service(service.name(), "snapshot");
            if (service.job()) {
                problems.add(where, "a one-shot job cannot be kept as a snapshot", "mark the service it prepares instead");
            }
            if (service.replicas() > 1) {
                problems.add(where, "a service of " + service.replicas() + " replicas cannot be kept as one snapshot", "use one replica");
            }
            if (service.container().isPresent()) {
                problems.add(where, "a container from a factory cannot be kept as a snapshot", "run the service from an image");
            }
            if (!service.secrets().isEmpty()) {
                problems.add(where, "a service with secrets cannot be kept as a snapshot: the image would hold them",
                        "give the service its test credentials as env instead");
            }
            if (spec.reuse()) {
                problems.add(where, "a reusable topology keeps its state already", "use either reuse or snapshot");
            }
            if (preparers(spec, service.name()).isEmpty()) {
                problems.add(where, "no one-shot job depends on \"" + service.name() + "\", so nothing prepares the state to keep",
                        "declare the job that prepares it (job = true, dependsOn = \"" + service.name() + "\")");
            }
        }
    }

    /** The one-shot jobs that prepare {@code serviceName}: those that depend on it directly. */
    public static List<String> preparers(TopologySpec spec, String serviceName) {
        return spec.services().stream().filter(s -> s.job() && s.dependsOn().contains(serviceName)).map(ServiceSpec::name).toList();
    }
}
