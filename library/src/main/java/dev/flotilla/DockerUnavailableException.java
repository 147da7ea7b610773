package dev.flotilla;

import org.apiguardian.api.API;

/** No Docker engine could be reached. The message lists the endpoints tried and how to fix it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class DockerUnavailableException extends FlotillaException {

    /**
     * The report of what was tried.
     *
     * @param message the report: each endpoint tried, what was found there, and the fix
     * @param cause Testcontainers' own failure; may be {@code null}
     */
    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
