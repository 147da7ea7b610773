package dev.flotilla.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.DockerUnavailableException;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * What to tell a user whose Docker engine Testcontainers could not find. Flotilla does not look
 * for the engine itself: Testcontainers does, with its strategies and settings ({@code tc.host},
 * {@code DOCKER_HOST}, {@code docker.host}, {@code ~/.testcontainers.properties}, the usual
 * sockets), so that whatever works for Testcontainers works for Flotilla. This class lists the
 * endpoints those strategies try, in their order, with what a quick look finds at each.
 */
final class EngineDiscovery {

    private static final int PROBE_TIMEOUT_MS = 1000;

    private EngineDiscovery() {
    }

    /** The failure to report, naming every endpoint tried and the fix. */
    static DockerUnavailableException unavailable(Throwable testcontainersFailure) {
        StringBuilder message = new StringBuilder("No Docker engine could be reached. Testcontainers, which finds it for Flotilla, tried:");
        endpoints().forEach((endpoint, source) -> message.append("\n  - ").append(endpoint).append(" (").append(source)
                .append("): ").append(probe(endpoint)));
        if (testcontainersFailure != null) {
            message.append("\nTestcontainers said: ").append(testcontainersFailure.getMessage());
        }
        message.append("\nFix: start a Docker engine, or point DOCKER_HOST (or tc.host in ~/.testcontainers.properties) at one,"
                + " for example DOCKER_HOST=unix:///run/podman/podman.sock for Podman or DOCKER_HOST=tcp://host:2375 for a remote engine."
                + " To skip tests that need Docker where there is none, set flotilla.docker.missing=skip.");
        return new DockerUnavailableException(message.toString(), testcontainersFailure);
    }

    /** Endpoint to where it comes from, in the order of Testcontainers' strategies. */
    static Map<String, String> endpoints() {
        TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
        Map<String, String> endpoints = new LinkedHashMap<>();
        String tcHost = configuration.getUserProperty("tc.host", null);
        if (tcHost != null && !tcHost.isBlank()) {
            endpoints.put(tcHost.trim(), "tc.host");
        }
        String dockerHost = configuration.getEnvVarOrUserProperty("docker.host", null);
        if (dockerHost != null && !dockerHost.isBlank()) {
            endpoints.putIfAbsent(dockerHost.trim(), System.getenv("DOCKER_HOST") != null ? "DOCKER_HOST" : "docker.host");
        }
        endpoints.putIfAbsent("unix:///var/run/docker.sock", "the usual socket");
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        for (String rootless : rootlessSockets(home, runtimeDir)) {
            endpoints.putIfAbsent(rootless, "rootless Docker");
        }
        endpoints.putIfAbsent("unix://" + home + "/.docker/desktop/docker.sock", "Docker Desktop");
        return endpoints;
    }

    private static List<String> rootlessSockets(String home, String runtimeDir) {
        String uid;
        try {
            uid = String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            uid = "$UID";
        }
        return runtimeDir == null
                ? List.of("unix://" + home + "/.docker/run/docker.sock", "unix:///run/user/" + uid + "/docker.sock")
                : List.of("unix://" + runtimeDir + "/docker.sock", "unix://" + home + "/.docker/run/docker.sock",
                        "unix:///run/user/" + uid + "/docker.sock");
    }

    /** "answers", or what is wrong there. */
    static String probe(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            if ("unix".equals(uri.getScheme())) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    return "no such socket";
                }
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return "answers";
                }
            }
            if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()), PROBE_TIMEOUT_MS);
                    return "answers";
                }
            }
            return "not checked";
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
