package dev.flotilla.engine;

import dev.flotilla.model.ServiceSpec;

/**
 * The Docker names of one topology instance's networks and volumes. Every network its services
 * declare and every named volume is the instance's own, named after it
 * ({@code flotilla-<topology>-<instance id>-<declared name>}). Its default network is named after
 * it too, unless it was handed on from an earlier instance ({@link NetworkPool}): so nothing else
 * may be derived from the default network's name.
 *
 * @param instance the instance's own name, {@code flotilla-<topology>-<instance id>}
 * @param defaultNetwork the Docker name of the network every service joins unless it declares others
 */
record InstanceNames(String instance, String defaultNetwork) {

    /** The names of an instance whose default network is named after it. */
    static InstanceNames of(String instance) {
        return new InstanceNames(instance, instance);
    }

    /** The same instance on another default network. */
    InstanceNames onNetwork(String network) {
        return new InstanceNames(instance, network);
    }

    /** The Docker name of the network {@code declared} (the default network or one the services declare). */
    String network(String declared) {
        return ServiceSpec.DEFAULT_NETWORK.equals(declared) ? defaultNetwork : instance + "-" + declared;
    }

    /** The Docker name of the named volume {@code declared}. */
    String volume(String declared) {
        return instance + "-" + declared;
    }
}
