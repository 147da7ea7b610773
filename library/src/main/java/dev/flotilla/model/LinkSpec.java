package dev.flotilla.model;

import org.apiguardian.api.API;

/**
 * A link between two services on which Flotilla places its fault proxy: {@code client}'s name for
 * {@code server} (and for each of its aliases) resolves to the proxy, which forwards every port
 * {@code server} declares to it.
 *
 * @param client the service that connects (the dependent)
 * @param server the service it connects to
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record LinkSpec(String client, String server) {

    @Override
    public String toString() {
        return client + " -> " + server;
    }
}
