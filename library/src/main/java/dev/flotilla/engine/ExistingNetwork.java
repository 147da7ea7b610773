package dev.flotilla.engine;

import org.testcontainers.containers.Network;

/** The topology's network, as Testcontainers' container objects take one; it belongs to the topology, so closing it does nothing. */
final class ExistingNetwork implements Network {

    private final String id;

    ExistingNetwork(String id) {
        this.id = id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void close() {
        // removed with the topology
    }
}
