package dev.flotilla.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;

/**
 * Checks that a service's fixed host ports are free before Docker is asked to publish them.
 * Docker's own error is not to be relied on: Docker 20.10, after a failed attempt, has been seen
 * to start a container while another process keeps the port. Only meaningful when the engine
 * runs on this machine, so only then is it done.
 */
final class HostPorts {

    private HostPorts() {
    }

    /** The first fixed host port that something on this machine already listens on at {@code bindAddress}, or null. */
    static FixedPort firstTaken(ServiceSpec spec, String bindAddress) {
        for (FixedPort fixed : spec.fixedPorts()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), fixed.hostPort()));
            } catch (IOException e) {
                return fixed;
            }
        }
        return null;
    }

    /** The message for a taken port; the same whoever noticed it, Flotilla or Docker. */
    static String inUseMessage(ServiceSpec spec, String detail) {
        List<String> fixed = spec.fixedPorts().stream().map(FixedPort::toString).toList();
        return "could not publish its ports: " + detail + " (fixedPorts " + fixed + "). Fix: stop what uses the port,"
                + " choose another host port, or publish the container port with ports = {...} to get a free random host port.";
    }
}
