package dev.flotilla.spring.context;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apiguardian.api.API;

/**
 * What a service is, as far as Spring Boot's connection details go: its name (as in
 * {@code @ServiceConnection(name = ...)}), the container port its clients use, and the images
 * that are it, as Spring Boot recognises them for Docker Compose.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum ConnectionKind {

    /** PostgreSQL: {@code spring.datasource} (JDBC) and {@code spring.r2dbc}. */
    POSTGRES("postgres", 5432, Set.of("postgres", "bitnami/postgresql")),

    /** Redis: {@code spring.data.redis}. */
    REDIS("redis", 6379, Set.of("redis", "bitnami/redis", "redis/redis-stack", "redis/redis-stack-server"));

    private final String connectionName;
    private final int port;
    private final Set<String> repositories;

    ConnectionKind(String connectionName, int port, Set<String> repositories) {
        this.connectionName = connectionName;
        this.port = port;
        this.repositories = repositories;
    }

    /** The name that {@code @ServiceConnection(name = ...)} gives it. */
    public String connectionName() {
        return connectionName;
    }

    /** The container port its clients connect to. */
    public int port() {
        return port;
    }

    /** The kind named {@code name}, if Flotilla knows one. */
    public static Optional<ConnectionKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.connectionName.equals(name)).findFirst();
    }

    /** The kind that {@code image} is, judged by its repository whatever its registry, tag or digest. */
    public static Optional<ConnectionKind> ofImage(String image) {
        String repository = repository(image);
        return Arrays.stream(values()).filter(k -> k.repositories.contains(repository)).findFirst();
    }

    /** Every name Flotilla knows, for messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(k -> "\"" + k.connectionName + "\"").collect(Collectors.joining(", "));
    }

    /** {@code registry.example:5000/library/postgres:15@sha256:...} becomes {@code postgres}. */
    static String repository(String image) {
        String name = image.toLowerCase(Locale.ROOT);
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int tag = name.lastIndexOf(':');
        if (tag > name.lastIndexOf('/')) {
            name = name.substring(0, tag);
        }
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            // Docker's rule: a first component with a dot or a port, or localhost, is a registry.
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                name = name.substring(slash + 1);
            }
        }
        return name.startsWith("library/") ? name.substring("library/".length()) : name;
    }
}
