package dev.flotilla.spring.context;

import dev.flotilla.ServiceHandle;
import org.apiguardian.api.API;

/**
 * Where a running Redis service is.
 *
 * @param host the host the test JVM reaches it at
 * @param port the published port of 6379
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RedisAccess(String host, int port) {

    /** The access to the service running as {@code handle}. */
    public static RedisAccess of(ServiceHandle handle) {
        return new RedisAccess(handle.host(), handle.mappedPort(ConnectionKind.REDIS.port()));
    }
}
