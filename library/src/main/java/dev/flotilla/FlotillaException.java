package dev.flotilla;

import org.apiguardian.api.API;

/** The base of every exception Flotilla throws. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class FlotillaException extends RuntimeException {

    /**
     * An exception with a message that says what went wrong and how to fix it.
     *
     * @param message what went wrong and how to fix it
     */
    public FlotillaException(String message) {
        super(message);
    }

    /**
     * The same, keeping the cause.
     *
     * @param message what went wrong and how to fix it
     * @param cause the failure underneath, such as the engine's or Testcontainers' exception
     */
    public FlotillaException(String message, Throwable cause) {
        super(message, cause);
    }
}
