package dev.flotilla.model;

import org.apiguardian.api.API;

/**
 * A secret value: compared like any value (so equal topologies stay equal), but never printed.
 *
 * @param value the secret itself; read it only to hand it to the container
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Secret(String value) {

    /** What is printed instead of a secret value. */
    public static final String MASK = "******";

    @Override
    public String toString() {
        return MASK;
    }
}
