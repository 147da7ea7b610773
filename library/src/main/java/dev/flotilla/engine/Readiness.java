package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.flotilla.ExecResult;
import dev.flotilla.ServiceState;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.WaitSpec;

/**
 * Polls a service's readiness conditions, one after the other, until each holds. Polls every
 * 10 ms for the first two seconds (most services are ready by then, and a refused probe costs
 * about a millisecond), every 25 ms up to five seconds and every 50 ms after that; every 2 ms
 * for the first 200 ms after a {@link StartGate} let the service's process go, as that process
 * starts just then and a small one listens within about 10 ms, with a chain of dependents
 * waiting on it. Checks on every poll that the container is still alive, so a crash fails the
 * wait at once instead of at the timeout. Each check takes at most the time its condition has left.
 *
 * <p>A port is ready when the test's side reaches it and, where the container can be looked
 * into, its kernel lists a listener on it ({@link ContainerListeners}): forwarders in between
 * accept connections with nothing behind them.
 */
final class Readiness {

    private static final long LET_GO_POLL_MS = 2;
    private static final long LET_GO_PHASE_MS = 200;
    private static final long EAGER_POLL_MS = 10;
    private static final long EAGER_PHASE_MS = 2_000;
    private static final long FAST_POLL_MS = 25;
    private static final long FAST_PHASE_MS = 5_000;
    private static final long SLOW_POLL_MS = 50;
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final Duration MIN_COMMAND_TIME = Duration.ofMillis(200);
    /**
     * A published port answers a connect even when nothing listens behind it: Docker's port proxy
     * accepts, fails to reach the container, and closes. A connection that stays open this long
     * without being closed has a listener behind it.
     */
    private static final int PROXY_CLOSE_WINDOW_MS = 50;
    private static final int HTTP_READ_TIMEOUT_MS = 2000;

    /** How long after a job's exit its output may take to arrive before the job counts as done all the same. */
    private static final Duration LOG_DRAIN_LIMIT = Duration.ofSeconds(2);

    private final ServiceContainer container;
    private final ContainerListeners listeners;
    private long jobExitSeen;

    Readiness(ServiceContainer container) {
        this.container = container;
        this.listeners = new ContainerListeners(container);
    }

    /** The conditions to wait for: the declared ones, or the default for the declared ports. */
    static List<WaitSpec> effectiveConditions(ServiceSpec spec) {
        if (spec.job()) {
            return List.of(new WaitSpec.Completed(spec.startupTimeout()));
        }
        if (spec.container().isPresent()) {
            // The container object waited as it says (its module's wait strategy) before its start returned.
            return List.of(new WaitSpec.Running(spec.startupTimeout()));
        }
        if (!spec.waitFor().isEmpty()) {
            return spec.waitFor();
        }
        if (!spec.allContainerPorts().isEmpty()) {
            return List.of(new WaitSpec.Ports(List.of(), spec.startupTimeout()));
        }
        return List.of(new WaitSpec.Running(spec.startupTimeout()));
    }

    /** Waits for every condition; {@code justLetGo}: the service's process was let go by its gate just now. */
    void await(BooleanSupplier aborted, boolean justLetGo) throws ReadinessFailure {
        jobExitSeen = 0;
        long start = System.nanoTime();
        long overallDeadline = start + container.spec().startupTimeout().toNanos();
        for (WaitSpec condition : effectiveConditions(container.spec())) {
            Instant began = Instant.now();
            try {
                awaitCondition(condition, start, overallDeadline, aborted, justLetGo);
                container.record().phase("ready: " + condition.describe(), began, Phase.OK);
            } catch (ReadinessFailure failure) {
                container.record().phase("ready: " + condition.describe(), began,
                        failure.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + failure.lastObservation());
                throw failure;
            }
        }
    }

    /** Polls one condition until it holds; the poll interval grows with the time since the service's wait began ({@code start}). */
    private void awaitCondition(WaitSpec condition, long start, long overallDeadline, BooleanSupplier aborted, boolean justLetGo)
            throws ReadinessFailure {
        long deadline = Math.min(overallDeadline, System.nanoTime() + condition.timeout().toNanos());
        while (true) {
            if (aborted.getAsBoolean()) {
                throw new ReadinessFailure(condition, ReadinessFailure.Reason.ABORTED, "another service failed to start");
            }
            String observation = observe(condition, deadline);
            if (observation == null) {
                return;
            }
            if (container.log().ended() && !container.isRunning()) {
                // It ended since it was checked (a quick job that completed, say): one more check has the last word.
                String last = observe(condition, deadline);
                if (last == null) {
                    return;
                }
                throw new ReadinessFailure(condition, ReadinessFailure.Reason.EXITED, last);
            }
            if (System.nanoTime() > deadline) {
                throw new ReadinessFailure(condition, ReadinessFailure.Reason.TIMED_OUT, observation);
            }
            sleep(pollInterval((System.nanoTime() - start) / 1_000_000, justLetGo));
        }
    }

    /** What holds {@code condition} up now; null if it holds. */
    private String observe(WaitSpec condition, long deadline) throws ReadinessFailure {
        try {
            return check(condition, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Null once the job exited with 0 and its output has been read to the end (so that its log is
     * whole when its dependents start; Podman delivers the last lines of a short job late), or
     * {@link #LOG_DRAIN_LIMIT} after the exit was seen; otherwise what holds it up, or the code it exited with.
     */
    private String jobOutcome() {
        ServiceState state = container.state();
        if (state.running()) {
            return "the job is still running";
        }
        long code = state.exitCode().orElse(-1);
        if (code != 0) {
            return "the job exited with code " + code + (state.oomKilled() ? " (OOM-killed)" : "");
        }
        if (jobExitSeen == 0) {
            jobExitSeen = System.nanoTime();
        }
        boolean drained = container.log().ended() || System.nanoTime() - jobExitSeen > LOG_DRAIN_LIMIT.toNanos();
        return drained ? null : "the job exited with 0; its output is still being read";
    }

    private static long pollInterval(long waitedMillis, boolean justLetGo) {
        if (justLetGo && waitedMillis < LET_GO_PHASE_MS) {
            return LET_GO_POLL_MS;
        }
        if (waitedMillis < EAGER_PHASE_MS) {
            return EAGER_POLL_MS;
        }
        return waitedMillis < FAST_PHASE_MS ? FAST_POLL_MS : SLOW_POLL_MS;
    }

    /** Null if the condition holds now, otherwise what was seen instead; takes at most about {@code remaining}. */
    private String check(WaitSpec condition, Duration remaining) throws ReadinessFailure {
        if (condition instanceof WaitSpec.Completed) {
            return jobOutcome();
        }
        if (condition instanceof WaitSpec.Ports ports) {
            List<Integer> toCheck = ports.ports().isEmpty() ? container.spec().allContainerPorts() : ports.ports();
            for (int port : toCheck) {
                String problem = probePort(port);
                if (problem != null) {
                    return "port " + port + ": " + problem;
                }
            }
            // The host's side answered; a forwarder may answer for nothing, so ask the container's kernel too.
            Optional<Set<Integer>> listening = listeners.listening();
            if (listening.isPresent()) {
                for (int port : toCheck) {
                    if (!listening.get().contains(port)) {
                        return "port " + port + ": accepted on the host, but nothing listens on it inside the container yet";
                    }
                }
            }
            // While a container goes away, the port proxy's connection to it hangs instead of failing.
            return container.isRunning() ? null : "container not running";
        }
        if (condition instanceof WaitSpec.Http http) {
            return probeHttp(http);
        }
        if (condition instanceof WaitSpec.Log log) {
            int matches = container.log().countMatchesThisRun(Pattern.compile(log.regex()));
            return matches >= log.times() ? null : matches + " of " + log.times() + " matching lines so far"
                    + container.log().captureProblem().map(problem -> " (" + problem + ")").orElse("");
        }
        if (condition instanceof WaitSpec.Healthcheck health) {
            return probeHealth(health, remaining);
        }
        if (condition instanceof WaitSpec.Command command) {
            return probeCommand(command, remaining);
        }
        return container.isRunning() ? null : "container not running";
    }

    private String probeCommand(WaitSpec.Command command, Duration remaining) {
        try {
            // At least a moment, so that a command that is quick but late still gets its chance.
            ExecResult result = container.exec(remaining.compareTo(MIN_COMMAND_TIME) < 0 ? MIN_COMMAND_TIME : remaining, command.command());
            return result.exitCode() == 0 ? null : "exit code " + result.exitCode() + lastLine(result.stderr());
        } catch (ContainerExec.TimedOut e) {
            return "the command was still running when the time was up" + lastLine(e.soFar().stderr());
        }
    }

    private String probePort(int containerPort) {
        int hostPort;
        try {
            hostPort = container.mappedPort(containerPort);
        } catch (IllegalStateException e) {
            return "not published";
        }
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(container.host(), hostPort), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                return "connect to " + container.host() + ":" + hostPort + " failed (" + e.getMessage() + ")";
            }
            socket.setSoTimeout(PROXY_CLOSE_WINDOW_MS);
            InputStream in = socket.getInputStream();
            try {
                return in.read() == -1 ? "connection closed at once: nothing listens in the container yet" : null;
            } catch (SocketTimeoutException e) {
                return null; // open and quiet: a listener is there, waiting for us to speak
            }
        } catch (IOException e) {
            return "connection reset: nothing listens in the container yet";
        }
    }

    private String probeHttp(WaitSpec.Http http) {
        int port = http.port() != 0 ? http.port() : container.spec().allContainerPorts().get(0);
        URI uri;
        try {
            uri = URI.create("http://" + container.host() + ":" + container.mappedPort(port) + http.path());
        } catch (IllegalStateException e) {
            return "port " + port + " not published";
        }
        // HttpURLConnection, not java.net.http: the latter sets up TLS when its first client is made,
        // about 100 ms of a fresh JVM's first start spent on a plain-HTTP probe.
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(HTTP_READ_TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            return status == http.status() ? null : "answered " + status;
        } catch (IOException e) {
            return "GET " + uri + " failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private String probeHealth(WaitSpec.Healthcheck condition, Duration remaining) throws ReadinessFailure {
        InspectContainerResponse inspection = container.inspect();
        HealthCheck healthCheck = inspection.getConfig().getHealthcheck();
        List<String> test = healthCheck == null || healthCheck.getTest() == null ? List.of() : healthCheck.getTest();
        if (test.isEmpty() || "NONE".equals(test.get(0))) {
            throw new ReadinessFailure(condition, ReadinessFailure.Reason.IMPOSSIBLE,
                    "the image " + container.image() + " declares no HEALTHCHECK; wait for a port, log line or command instead");
        }
        String unhealthy;
        if (!container.docker().runsHealthchecks()) {
            unhealthy = runHealthcheck(test, remaining);
        } else {
            String status = inspection.getState().getHealth() == null ? "starting" : inspection.getState().getHealth().getStatus();
            unhealthy = "healthy".equals(status) ? null : "health status " + status;
        }
        return unhealthy != null || !condition.exposedPorts() ? unhealthy : exposedPortProblem(inspection);
    }

    /**
     * Null once something listens inside the container on one of the ports its image exposes (or
     * the image exposes none, or the container cannot be looked into); otherwise what is listened on.
     * One is enough: images expose ports that a configuration may never open (RabbitMQ's TLS ports),
     * and a socket-only initialization server listens on none of them.
     */
    private String exposedPortProblem(InspectContainerResponse inspection) {
        ExposedPort[] declared = inspection.getConfig().getExposedPorts();
        if (declared == null) {
            return null;
        }
        List<Integer> exposed = Arrays.stream(declared).filter(port -> port.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort).sorted().toList();
        Optional<Set<Integer>> listening = listeners.listening();
        if (exposed.isEmpty() || listening.isEmpty() || exposed.stream().anyMatch(listening.get()::contains)) {
            return null;
        }
        return "healthy, but nothing listens inside the container on a port the image exposes " + exposed + " yet (listened on: "
                + listening.get().stream().sorted().toList() + "); a service that never listens on them: switch this off with"
                + " @WaitFor(healthcheck = true, exposedPorts = false) or the compose label dev.flotilla.wait-for-exposed-ports: \"false\"";
    }

    /**
     * Runs the image's health check command as the engine would, for engines that do not run it
     * themselves (Podman without systemd leaves every container "starting"): healthy is exit code 0.
     */
    private String runHealthcheck(List<String> test, Duration remaining) {
        List<String> command = "CMD-SHELL".equals(test.get(0)) ? List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())))
                : "CMD".equals(test.get(0)) ? test.subList(1, test.size()) : test;
        try {
            ExecResult result = container.exec(remaining.compareTo(MIN_COMMAND_TIME) < 0 ? MIN_COMMAND_TIME : remaining, command);
            return result.exitCode() == 0 ? null : "the image's HEALTHCHECK " + command + " (run by Flotilla: this engine runs no"
                    + " health checks) exited with " + result.exitCode() + lastLine(result.stdout() + result.stderr());
        } catch (ContainerExec.TimedOut e) {
            return "the image's HEALTHCHECK " + command + " was still running when the time was up";
        }
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        return ", stderr: " + trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }

    private static void sleep(long millis) throws ReadinessFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadinessFailure(null, ReadinessFailure.Reason.ABORTED, "interrupted");
        }
    }
}
