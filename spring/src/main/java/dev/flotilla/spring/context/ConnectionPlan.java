package dev.flotilla.spring.context;

import java.util.List;

import org.apiguardian.api.API;

/**
 * What a test class's application context gets from its topology, resolved and checked before
 * Docker is touched; part of the context's cache key.
 *
 * @param connections the services that become Spring Boot connection details
 * @param urls the properties set to where a service is
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ConnectionPlan(List<Connection> connections, List<UrlProperty> urls) {

    public ConnectionPlan {
        connections = List.copyOf(connections);
        urls = List.copyOf(urls);
    }

    /**
     * One service as the source of connection details.
     *
     * @param service the service's name
     * @param kind what it is
     */
    public record Connection(String service, ConnectionKind kind) {
    }

    /**
     * One property set to a service's URL as the test JVM reaches it.
     *
     * @param service the service's name
     * @param property the property's name
     * @param scheme the URL's scheme
     * @param port the container port
     * @param path what follows the address, possibly empty
     */
    public record UrlProperty(String service, String property, String scheme, int port, String path) {
    }
}
