package dev.flotilla.spring.context;

import java.util.Optional;

import dev.flotilla.ServiceHandle;
import dev.flotilla.model.Secret;
import dev.flotilla.model.ServiceSpec;
import org.apiguardian.api.API;

/**
 * Where a running PostgreSQL service is and how to log in, as its official image reads its
 * environment: {@code POSTGRES_USER} (default {@code postgres}), {@code POSTGRES_PASSWORD},
 * {@code POSTGRES_DB} (default: the user), from {@code env} or {@code secrets}.
 *
 * @param host the host the test JVM reaches it at
 * @param port the published port of 5432
 * @param database the database
 * @param username the user
 * @param password the password, empty where the image lets users in without one
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record PostgresAccess(String host, int port, String database, String username, String password) {

    /** The access to {@code service}, running as {@code handle}. */
    public static PostgresAccess of(ServiceSpec service, ServiceHandle handle) {
        String user = variable(service, "POSTGRES_USER").orElse("postgres");
        return new PostgresAccess(handle.host(), handle.mappedPort(ConnectionKind.POSTGRES.port()),
                variable(service, "POSTGRES_DB").orElse(user), user, variable(service, "POSTGRES_PASSWORD").orElse(""));
    }

    /** {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static Optional<String> variable(ServiceSpec service, String name) {
        return Optional.ofNullable(service.env().get(name)).or(() -> Optional.ofNullable(service.secrets().get(name)).map(Secret::value));
    }

    @Override
    public String toString() {
        return "PostgresAccess[" + jdbcUrl() + ", user " + username + "]"; // never the password
    }
}
