package dev.flotilla.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;

/**
 * Checks that a service's fixed host ports are free before Docker is asked to publish them.
 * Docker's own error is not to be relied on: Docker 20.10, after a failed attempt, has been seen
 * to start a container while another process keeps the port. Only meaningful when the engine
 * runs on this machine, so only then is it done.
 */
final class HostPorts {

    private static final int EPHEMERAL_FIRST = 32768;
    private static final int EPHEMERAL_LAST = 60999;

    private HostPorts() {
    }

    /** The first fixed host port that something on this machine already listens on at {@code bindAddress}, or null. */
    static FixedPort firstTaken(ServiceSpec spec, String bindAddress) {
        for (FixedPort fixed : spec.fixedPorts()) {
            if (!isFree(bindAddress, fixed.hostPort())) {
                return fixed;
            }
        }
        return null;
    }

    /** The first of {@code hostPorts} (container port to host port) that something already listens on, or null. */
    static Map.Entry<Integer, Integer> firstTaken(Map<Integer, Integer> hostPorts, String bindAddress) {
        return hostPorts.entrySet().stream().filter(entry -> !isFree(bindAddress, entry.getValue())).findFirst().orElse(null);
    }

    /**
     * A free host port for each of {@code containerPorts}, from the kernel's ephemeral range (as
     * Docker would pick). Another process may take one before Docker binds it; the start then
     * fails with "port is already allocated" and is tried again with new ports.
     */
    static Map<Integer, Integer> chooseFree(List<Integer> containerPorts, String bindAddress) {
        Map<Integer, Integer> chosen = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int containerPort : containerPorts) {
                // All held open until every port is chosen, so that no two are the same.
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
                chosen.put(containerPort, socket.getLocalPort());
            }
            return chosen;
        } catch (IOException e) {
            return Map.of(); // Docker picks them, as on a remote engine
        } finally {
            held.forEach(HostPorts::closeQuietly);
        }
    }

    /**
     * Distinct random host ports from Linux's ephemeral range (where Docker picks too) for a remote
     * engine, whose machine this JVM cannot probe. One that is taken there fails the start with
     * "port is already allocated" or "address already in use", and new ports are tried.
     */
    static Map<Integer, Integer> chooseRandom(List<Integer> containerPorts) {
        Map<Integer, Integer> chosen = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (int containerPort : containerPorts) {
            int port;
            do {
                port = ThreadLocalRandom.current().nextInt(EPHEMERAL_FIRST, EPHEMERAL_LAST + 1);
            } while (!used.add(port));
            chosen.put(containerPort, port);
        }
        return chosen;
    }

    private static boolean isFree(String bindAddress, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As Docker's proxy binds: connections of an earlier run in TIME_WAIT do not count, a listener does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing held any more either way
        }
    }

    /** The message for a taken port; the same whoever noticed it, Flotilla or Docker. */
    static String inUseMessage(ServiceSpec spec, String detail) {
        List<String> fixed = spec.fixedPorts().stream().map(FixedPort::toString).toList();
        return "could not publish its ports: " + detail + " (fixedPorts " + fixed + "). Fix: stop what uses the port,"
                + " choose another host port, or publish the container port with ports = {...} to get a free random host port.";
    }
}
