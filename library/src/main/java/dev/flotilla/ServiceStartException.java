package dev.flotilla;

import org.apiguardian.api.API;

/**
 * A service could not be started or did not become ready. By the time it is thrown, every
 * container and the network the start had created are removed. The message names the service,
 * the check that failed, the container's state (exit code, OOM kill) and the tail of its log.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ServiceStartException extends FlotillaException {

    /** The name of the service that failed (part of the exception's serialized form). */
    private final String serviceName;

    /**
     * A start failure of one service, with the full report as message.
     *
     * @param serviceName the name of the service that failed
     * @param message the full report: the service, the check that failed, the container's state and its log's tail
     * @param cause the failure underneath, if any; may be {@code null}
     */
    public ServiceStartException(String serviceName, String message, Throwable cause) {
        super(message, cause);
        this.serviceName = serviceName;
    }

    /**
     * The name of the service that failed.
     *
     * @return the service's name, as declared
     */
    public String serviceName() {
        return serviceName;
    }
}
