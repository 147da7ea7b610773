package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.dockerjava.api.DockerClient;
import dev.flotilla.DockerUnavailableException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine this JVM uses, found once. Testcontainers finds it (so {@code DOCKER_HOST},
 * {@code ~/.testcontainers.properties}, Docker Desktop, Colima and Podman sockets all work), but
 * first Flotilla probes the usual endpoints itself, with short timeouts, so that a machine with
 * no engine gets one clear error within seconds instead of a long search.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DockerEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    private static final int PROBE_TIMEOUT_MS = 1000;
    private static final long CLIENT_TIMEOUT_SECONDS = 180;

    private static DockerEngine instance;
    private static DockerUnavailableException failure;

    private static final String LOOPBACK = "127.0.0.1";
    private static final String ALL_INTERFACES = "0.0.0.0";

    private final DockerClient client;
    private final String host;
    private final boolean local;

    private DockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
        this.local = isLoopback(host);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The engine, connected on first use.
     *
     * @throws DockerUnavailableException if no engine answers; later calls fail the same way at once
     */
    public static synchronized DockerEngine get() {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw new DockerUnavailableException(failure.getMessage(), failure);
        }
        try {
            instance = connect();
            return instance;
        } catch (DockerUnavailableException e) {
            // An interrupted caller (a test's timeout) says nothing about the engine: the next caller tries again.
            if (!(e.getCause() instanceof InterruptedException)) {
                failure = e;
            }
            throw e;
        }
    }

    /** The docker-java client; shared, never close it. */
    public DockerClient client() {
        return client;
    }

    /** The host name or address under which published ports are reachable from this JVM. */
    public String host() {
        return host;
    }

    /**
     * Whether published ports live on this machine's loopback: the engine runs here and publishes
     * where this JVM connects to {@code localhost}. A remote engine ({@code tcp://} to another
     * host, a CI {@code docker:dind} service) or an engine reached from inside a container is not.
     */
    public boolean isLocal() {
        return local;
    }

    /**
     * Where ports are published unless a service says otherwise: loopback on a local engine, so
     * nothing is reachable from other machines; every interface of a remote engine's host, the
     * only place the test can reach them.
     */
    public String defaultBindAddress() {
        return local ? LOOPBACK : ALL_INTERFACES;
    }

    private static DockerEngine connect() {
        List<String> tried = new ArrayList<>();
        boolean anyAnswers = false;
        for (String endpoint : candidateEndpoints()) {
            String outcome = probe(endpoint);
            tried.add(endpoint + " (" + outcome + ")");
            anyAnswers |= outcome.equals("answers");
        }
        if (!anyAnswers) {
            throw unavailable(tried, null);
        }
        CompletableFuture<DockerClient> clientFuture = CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().client());
        try {
            DockerClient client = clientFuture.get(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String host = DockerClientFactory.instance().dockerHostIpAddress();
            // "localhost" may resolve to ::1 first, while ports are published on 127.0.0.1 by default.
            return new DockerEngine(client, "localhost".equals(host) ? "127.0.0.1" : host);
        } catch (ExecutionException e) {
            throw unavailable(tried, e.getCause());
        } catch (TimeoutException e) {
            throw new DockerUnavailableException("A Docker engine answers (" + String.join(", ", tried)
                    + "), but Testcontainers did not finish connecting to it within " + CLIENT_TIMEOUT_SECONDS + " s."
                    + " With Ryuk enabled it first pulls and starts the testcontainers/ryuk image."
                    + " Fix: make that image pullable, or set TESTCONTAINERS_RYUK_DISABLED=true (Flotilla cleans up after itself).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(tried, e);
        }
    }

    private static DockerUnavailableException unavailable(List<String> tried, Throwable cause) {
        StringBuilder message = new StringBuilder("No Docker engine could be reached. Endpoints tried:");
        tried.forEach(t -> message.append("\n  - ").append(t));
        if (cause != null) {
            message.append("\nTestcontainers said: ").append(cause.getMessage());
        }
        message.append("\nFix: start a Docker engine (or Podman with its Docker-compatible socket), or point DOCKER_HOST at it,"
                + " for example DOCKER_HOST=unix:///var/run/docker.sock or DOCKER_HOST=tcp://host:2375."
                + " To skip tests that need Docker where there is none, set flotilla.docker.missing=skip.");
        return new DockerUnavailableException(message.toString(), cause);
    }

    /** DOCKER_HOST first, then the Testcontainers configuration, then the usual sockets. */
    static Set<String> candidateEndpoints() {
        Set<String> endpoints = new LinkedHashSet<>();
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            endpoints.add(dockerHost.trim());
        }
        String configured = System.getProperty("docker.host", testcontainersProperty("docker.host"));
        if (configured != null && !configured.isBlank()) {
            endpoints.add(configured.trim());
        }
        if (!endpoints.isEmpty()) {
            // An explicit endpoint is what Testcontainers will use; probing others would only mislead.
            return endpoints;
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        endpoints.add("unix:///var/run/docker.sock");
        endpoints.add("unix://" + home + "/.docker/run/docker.sock");
        endpoints.add("unix://" + home + "/.docker/desktop/docker.sock");
        if (runtimeDir != null) {
            endpoints.add("unix://" + runtimeDir + "/docker.sock");
            endpoints.add("unix://" + runtimeDir + "/podman/podman.sock");
        }
        endpoints.add("unix:///run/podman/podman.sock");
        return endpoints;
    }

    private static String testcontainersProperty(String key) {
        Path file = Path.of(System.getProperty("user.home"), ".testcontainers.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return null;
        }
        return properties.getProperty(key);
    }

    /** "answers", or why not. */
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
            // npipe:// and others: let Testcontainers decide.
            return "answers";
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("Docker endpoint {} does not answer", endpoint, e);
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
