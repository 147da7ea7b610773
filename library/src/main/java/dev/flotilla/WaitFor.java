package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * One readiness condition of a {@link Service @Service}. Set at most one kind of check:
 *
 * <ul>
 *   <li>nothing: the declared ports accept connections from the test, and something listens on
 *       them inside the container ({@link #port()} narrows it to one);</li>
 *   <li>{@link #http()}: an HTTP GET of that path on {@link #port()} answers {@link #status()};</li>
 *   <li>{@link #log()}: a log line matches the regular expression {@link #times()} times;</li>
 *   <li>{@link #healthcheck()}: the image's Docker {@code HEALTHCHECK} reports healthy (on an
 *       engine that runs no health checks, such as Podman without systemd, Flotilla runs the
 *       check's command itself) and, on a service without declared ports, a port the image
 *       exposes is listened on ({@link #exposedPorts()});</li>
 *   <li>{@link #command()}: the command, run inside the container, exits with 0.</li>
 * </ul>
 *
 * <p>Checks are polled every 10 ms at first (every 2 ms for 200 ms after a dependent's held
 * process is let go, as it starts just then), slowing to every 50 ms after five seconds; when the
 * container exits while Flotilla waits, the start fails at once with the exit code and the tail
 * of the log.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface WaitFor {

    /**
     * The container port to check; 0 means every declared port (port check) or the only declared port (HTTP check).
     *
     * @return the container port to check, or 0
     */
    int port() default 0;

    /**
     * The path of an HTTP GET, for example {@code "/health"}.
     *
     * @return the path to request; empty for no HTTP check
     */
    String http() default "";

    /**
     * The HTTP status that counts as ready.
     *
     * @return the expected HTTP status; 200 unless set
     */
    int status() default 200;

    /**
     * A regular expression that a line of the container's output must contain a match of.
     *
     * @return the regular expression; empty for no log check
     */
    String log() default "";

    /**
     * How many matching log lines are needed.
     *
     * @return the number of matching lines needed; 1 unless set
     */
    int times() default 1;

    /**
     * Whether to wait for the image's Docker healthcheck to report {@code healthy}.
     *
     * @return {@code true} to wait for the image's health check
     */
    boolean healthcheck() default false;

    /**
     * With {@link #healthcheck()}, on a service that declares no ports: whether a port the image
     * exposes ({@code EXPOSE}) must also be listened on inside the container. A health check such
     * as {@code pg_isready} asks over a Unix socket, which PostgreSQL's (or MariaDB's) first
     * initialization answers with a server that takes no TCP connections: healthy, yet a
     * dependent that connects over the network is refused. One exposed port is enough, as images
     * expose ports that a configuration may never open (RabbitMQ's TLS ports); an image that
     * exposes none, or cannot be looked into (no {@code cat}), is ready when healthy. Declared
     * ports are waited for as ports, whatever this says. Set it to false for a service that
     * listens on none of its image's ports.
     *
     * @return {@code false} to wait for the health check alone
     */
    boolean exposedPorts() default true;

    /**
     * A command run inside the container until it exits with 0, for example {@code {"pg_isready"}}.
     *
     * @return the command and its arguments; empty for no command check
     */
    String[] command() default {};

    /**
     * How long this condition may take, for example {@code "30s"}; empty means the service's startup timeout.
     *
     * @return the timeout as a duration such as {@code "30s"}, or empty for the service's startup timeout
     */
    String timeout() default "";
}
