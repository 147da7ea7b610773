package dev.flotilla.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.VersionComponent;
import dev.flotilla.DockerUnavailableException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine this JVM uses, found once, by Testcontainers: whatever works for
 * Testcontainers ({@code DOCKER_HOST}, {@code tc.host}, {@code ~/.testcontainers.properties}, its
 * strategies) works for Flotilla. Where none answers, the failure lists what was tried
 * ({@link EngineDiscovery}); later calls fail the same way at once.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DockerEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    private static final long CLIENT_TIMEOUT_SECONDS = 180;

    private static volatile DockerEngine instance;
    private static DockerUnavailableException failure;

    private static final String LOOPBACK = "127.0.0.1";
    private static final String ALL_INTERFACES = "0.0.0.0";

    private final DockerClient client;
    private final String host;
    private final boolean local;
    private final boolean runsHealthchecks;
    private final NetworkPool networks;

    private DockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
        this.local = isLoopback(host);
        boolean podman = isPodman(client);
        this.runsHealthchecks = !podman;
        this.networks = new NetworkPool(client, !podman);
    }

    /**
     * Removes the networks kept for later topologies, if this JVM connected to an engine at all.
     * Not synchronized: at the JVM's exit it must not wait for a connection still being tried.
     */
    static void closeNetworkPool() {
        DockerEngine engine = instance;
        if (engine != null) {
            engine.networks.close();
        }
    }

    private static boolean isPodman(DockerClient client) {
        try {
            List<VersionComponent> components = client.versionCmd().exec().getComponents();
            return components != null && components.stream().anyMatch(c -> c.getName() != null && c.getName().startsWith("Podman"));
        } catch (RuntimeException e) {
            LOG.debug("Could not ask the engine for its version; taking it for Docker", e);
            return false;
        }
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

    /** The default networks handed from topology to topology on this engine. */
    NetworkPool networks() {
        return networks;
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
     * Whether the engine runs images' health checks itself. Docker does; Podman leaves them to
     * systemd timers, which a CI container or a machine without systemd does not have, so there
     * Flotilla runs an image's health check command itself when a service waits for it.
     */
    public boolean runsHealthchecks() {
        return runsHealthchecks;
    }

    /**
     * Where ports are published unless a service says otherwise: loopback on a local engine, so
     * nothing is reachable from other machines; every interface of a remote engine's host, the
     * only place the test can reach them.
     */
    public String defaultBindAddress() {
        return local ? LOOPBACK : ALL_INTERFACES;
    }

    /**
     * Connects through Testcontainers, which finds the engine (see {@link EngineDiscovery}). With
     * no engine at all it fails within seconds; with a {@code tcp://} endpoint that does not
     * answer, within its {@code client.ping.timeout} (10 s unless configured).
     */
    private static DockerEngine connect() {
        CompletableFuture<DockerClient> clientFuture = CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().client());
        try {
            DockerClient client = clientFuture.get(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String host = DockerClientFactory.instance().dockerHostIpAddress();
            // "localhost" may resolve to ::1 first, while ports are published on 127.0.0.1 by default.
            DockerEngine engine = new DockerEngine(client, "localhost".equals(host) ? LOOPBACK : host);
            LOG.debug("Docker engine found by Testcontainers; published ports are reached at {}, bound to {} unless a service says otherwise",
                    engine.host(), engine.defaultBindAddress());
            return engine;
        } catch (ExecutionException e) {
            throw EngineDiscovery.unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw new DockerUnavailableException("Testcontainers did not finish connecting to the Docker engine within "
                    + CLIENT_TIMEOUT_SECONDS + " s. With Ryuk enabled it first pulls and starts the testcontainers/ryuk image."
                    + " Fix: make that image pullable, or set TESTCONTAINERS_RYUK_DISABLED=true (Flotilla cleans up after itself).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerUnavailableException("Interrupted while connecting to the Docker engine", e);
        }
    }
}
