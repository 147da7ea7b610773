package dev.flotilla;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.apiguardian.api.API;

/**
 * A running service of a topology, as the test sees it: where its published ports are, what it
 * logged, and the means to run commands in it, stop it and start it again.
 *
 * <p>A service with {@link Service#replicas() replicas} runs one container per replica. Its own
 * handle addresses replica 1: {@link #containerId()}, {@link #mappedPort(int)}, {@link #logs()},
 * {@link #exec(String...)}, {@link #stop()}, {@link #start()} and the rest act on that container
 * alone. {@link #replicas()} gives one handle per replica, each acting on its own container in the
 * same way; {@link #scale(int)} changes how many there are.
 *
 * <p>Inject it into a test-method parameter or field of this type (named like the service, or
 * annotated with {@link ServiceName @ServiceName}), or get it from {@link RunningTopology#service(String)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ServiceHandle {

    /**
     * The service's name in its topology.
     *
     * @return the service's name, as declared; the same on every replica's handle
     */
    String name();

    /**
     * The Docker container id.
     *
     * @return the id of the container this handle addresses
     */
    String containerId();

    /**
     * The host name or address under which the published ports are reachable from this JVM.
     *
     * @return the engine's address as Testcontainers reports it, {@code "127.0.0.1"} for a local engine
     */
    String host();

    /**
     * The host port that a declared container port is published on.
     *
     * @param containerPort a container port the service declares
     * @return the host port it is published on
     * @throws IllegalArgumentException if the port was not declared in {@code ports} or {@code fixedPorts}
     * @throws IllegalStateException if the service is stopped
     */
    int mappedPort(int containerPort);

    /**
     * {@code host:mappedPort} for a declared container port.
     *
     * @param containerPort a container port the service declares
     * @return the address, such as {@code "127.0.0.1:49153"}
     */
    default String address(int containerPort) {
        return host() + ":" + mappedPort(containerPort);
    }

    /**
     * {@code http://host:mappedPort} for a declared container port.
     *
     * @param containerPort a container port the service declares
     * @return the HTTP URI, such as {@code http://127.0.0.1:49153}, without a path
     */
    default URI uri(int containerPort) {
        return uri("http", containerPort);
    }

    /**
     * {@code scheme://host:mappedPort} for a declared container port.
     *
     * @param scheme the URI scheme, such as {@code "redis"} or {@code "https"}
     * @param containerPort a container port the service declares
     * @return the URI, without a path
     */
    default URI uri(String scheme, int containerPort) {
        return URI.create(scheme + "://" + address(containerPort));
    }

    /**
     * Everything the container wrote to stdout and stderr so far, one line per line.
     *
     * @return the container's output so far, its lines joined with {@code '\n'}; stdout and stderr interleaved
     */
    String logs();

    /**
     * Runs a command inside the running container and waits for it to end, at most
     * {@code flotilla.exec.timeout} (two minutes unless configured).
     *
     * @param command the command and its arguments, one argument each; run directly, not through a shell
     * @return the command's exit code and output
     * @throws FlotillaException if the container does not run, or the command did not end in time
     *     (it may still run in the container: Docker cannot stop a command it runs for {@code exec})
     */
    ExecResult exec(String... command);

    /**
     * Runs a command inside the running container and waits at most {@code timeout} for it to end.
     *
     * @param timeout how long the command may run
     * @param command the command and its arguments, one argument each; run directly, not through a shell
     * @return the command's exit code and output
     * @throws FlotillaException if the container does not run, or the command did not end in time
     */
    ExecResult exec(Duration timeout, String... command);

    /**
     * Whether the container is running now.
     *
     * @return {@code true} if the container runs (a paused one counts as running)
     */
    boolean isRunning();

    /**
     * The container's state now: running or exited (with its exit code), OOM-killed, restarts, health.
     *
     * @return the container's state as the engine reports it now
     */
    ServiceState state();

    /**
     * Stops the container, giving it 10 seconds to end after {@code SIGTERM}. Other services keep
     * running, and so do the service's other replicas, which go on answering to its name: stopping
     * one replica is how a test makes clients fail over to the others.
     */
    default void stop() {
        stop(Duration.ofSeconds(10));
    }

    /**
     * Stops the container, giving it {@code grace} to end after {@code SIGTERM} before {@code SIGKILL}.
     *
     * @param grace how long the process may take to end after {@code SIGTERM}
     */
    void stop(Duration grace);

    /**
     * Starts a stopped container again, with the same network aliases, and waits until it is
     * ready, exactly as the topology's start does (fixed host ports checked, readiness awaited, a
     * failure report on failure). On a running service it only waits until it is ready.
     * Published host ports stay as they were, except a Testcontainers module's ({@link Service#factory()}),
     * whose ports Docker chooses anew.
     *
     * @throws ServiceStartException if it cannot be started or does not become ready
     */
    void start();

    /**
     * Stops the container (10 seconds' grace after {@code SIGTERM}) and starts it again, then
     * waits until it is ready, as {@link #start()} does. The service keeps its name, aliases and
     * published host ports (a Testcontainers module's excepted, see {@link #start()}), so clients
     * configured before keep working once it is back. Its address on the topology's network may
     * change; its names follow it.
     *
     * @throws ServiceStartException if it cannot be started again or does not become ready
     */
    default void restart() {
        restart(Duration.ofSeconds(10));
    }

    /**
     * As {@link #restart()}, giving the container {@code grace} to end after {@code SIGTERM}.
     *
     * @param grace how long the process may take to end after {@code SIGTERM}
     * @throws ServiceStartException if it cannot be started again or does not become ready
     */
    void restart(Duration grace);

    /**
     * Sends a signal to the container's main process, by name ({@code "SIGKILL"}, {@code "SIGTERM"},
     * {@code "SIGHUP"}...). A signal that ends the process stops the container; {@link #start()}
     * starts it again.
     *
     * @param signal the signal's name, such as {@code "SIGKILL"} or {@code "SIGHUP"}
     * @throws FlotillaException if the container does not run or the signal is unknown
     */
    void kill(String signal);

    /** Kills the container's main process with {@code SIGKILL}, as a crash would; see {@link #kill(String)}. */
    default void kill() {
        kill("SIGKILL");
    }

    /**
     * Freezes every process of the container: connections to it stay open but get no answer,
     * as with a hung process. Ports and address stay. {@link #unpause()} lets it run on.
     *
     * @throws FlotillaException if the container does not run
     */
    void pause();

    /** Lets a paused container run on; nothing happens to one that is not paused. */
    void unpause();

    /**
     * The Testcontainers container object of a service made by a {@link Service#factory() factory},
     * such as a {@code PostgreSQLContainer<?>}, for its own helpers ({@code getJdbcUrl()}).
     *
     * @param <T> the type of the container object
     * @param type the class of the container object, or a supertype such as {@code GenericContainer.class}
     * @return the container object the factory made
     * @throws IllegalStateException if the service was not made by a factory, or its object is not a {@code type}
     */
    <T> T container(Class<T> type);

    /**
     * One handle per replica the service has now, in index order: replica 1 (the one the
     * service's own handle addresses) first. A service declared without replicas has one.
     * Each addresses its own container, stopped ones too; the list changes only when the service
     * is {@link #scale(int) scaled}. Called on any replica's handle, it gives the service's replicas.
     *
     * @return the replicas' handles, replica 1 first; never empty
     */
    List<ServiceHandle> replicas();

    /**
     * Runs {@code count} replicas of the service from now on. New replicas are started as the
     * topology starts services (same network names, host ports chosen for each, readiness
     * awaited, a failure report on failure), in parallel, and this returns once every one is
     * ready; clients' lookups of the service's name then include them. Surplus replicas, the
     * highest-indexed first, are stopped (10 seconds' grace after {@code SIGTERM}) and removed.
     * Replica 1 always stays. After each test of a topology that outlives it, the service is
     * scaled back to its declared {@link Service#replicas()}, as other disturbances are healed.
     *
     * @param count the number of replicas from now on, 1 or more
     * @throws FlotillaConfigurationException if {@code count} is below 1, or above 1 for a service
     *     that cannot have replicas (fixed host ports, a container factory)
     * @throws ServiceStartException if a new replica cannot start or does not become ready; the
     *     replicas this call added are removed again, so the service has as many as before
     */
    void scale(int count);

    /**
     * Puts the service back to its prepared state, as its snapshot holds it, without preparing it
     * again: a fast reset between tests. Each replica's container is removed, with its volumes,
     * and a new one is started from the snapshot image, on the same host ports and network
     * names, and awaited ready. The services that depend on it keep running (their connections
     * to the old container break, as on a restart); jobs that prepared it do not run again.
     * Called on any replica's handle, it resets every replica of the service.
     *
     * @throws IllegalStateException if the service has no snapshot: it is not marked
     *     {@link Service#snapshot() snapshot}, or snapshots are switched off
     * @throws FlotillaException if the service shares a named volume with another service, which
     *     a reset would empty for both
     * @throws ServiceStartException if a new container cannot start or does not become ready
     */
    void reset();
}
