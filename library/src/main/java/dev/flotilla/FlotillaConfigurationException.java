package dev.flotilla;

import org.apiguardian.api.API;

/**
 * A topology declaration is invalid: found before any Docker call, so nothing was started. The
 * message names where the declaration is, the attribute, the bad value and the fix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class FlotillaConfigurationException extends FlotillaException {

    /**
     * A configuration error with its full message.
     *
     * @param message where the declaration is, what is wrong with it and the fix
     */
    public FlotillaConfigurationException(String message) {
        super(message);
    }

    /**
     * The same, keeping the cause.
     *
     * @param message where the declaration is, what is wrong with it and the fix
     * @param cause the failure that revealed the problem, such as a parser's exception
     */
    public FlotillaConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
