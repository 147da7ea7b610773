package dev.flotilla.model;

import org.apiguardian.api.API;

/**
 * A container port published on a fixed host port.
 *
 * @param hostPort the port on the host
 * @param containerPort the port inside the container
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record FixedPort(int hostPort, int containerPort) {

    @Override
    public String toString() {
        return hostPort + ":" + containerPort;
    }
}
