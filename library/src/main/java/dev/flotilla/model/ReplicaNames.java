package dev.flotilla.model;

import org.apiguardian.api.API;

/**
 * The name of each replica of a service, in its container's name, its log files and its logger:
 * replica 1 goes by the service's own name, so a service of one replica is named as it always
 * was; replica {@code n} above 1 by {@code <service>-<n>}, as Docker Compose names them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReplicaNames {

    private ReplicaNames() {
    }

    /** The name of replica {@code index} (from 1) of {@code service}. */
    public static String of(String service, int index) {
        return index == 1 ? service : service + "-" + index;
    }
}
