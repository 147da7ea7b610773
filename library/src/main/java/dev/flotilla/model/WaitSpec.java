package dev.flotilla.model;

import java.time.Duration;
import java.util.List;

import org.apiguardian.api.API;

/** One readiness condition of a service; each knows how long it may take and how to describe itself. */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface WaitSpec {

    /** How long the condition may take. */
    Duration timeout();

    /** A short phrase for messages, such as {@code "HTTP GET /health on port 8080 answering 200"}. */
    String describe();

    /**
     * Ports accept TCP connections.
     *
     * @param ports container ports; empty means every declared port
     * @param timeout how long it may take
     */
    record Ports(List<Integer> ports, Duration timeout) implements WaitSpec {
        public Ports {
            ports = List.copyOf(ports);
        }

        @Override
        public String describe() {
            return ports.isEmpty() ? "declared ports accepting connections" : "port(s) " + ports + " accepting connections";
        }
    }

    /**
     * An HTTP GET answers an expected status.
     *
     * @param port container port; 0 means the only declared port
     * @param path request path
     * @param status expected status
     * @param timeout how long it may take
     */
    record Http(int port, String path, int status, Duration timeout) implements WaitSpec {
        @Override
        public String describe() {
            return "HTTP GET " + path + (port == 0 ? "" : " on port " + port) + " answering " + status;
        }
    }

    /**
     * Log lines match a regular expression.
     *
     * @param regex the expression; a line matches when it contains a match
     * @param times how many matching lines are needed
     * @param timeout how long it may take
     */
    record Log(String regex, int times, Duration timeout) implements WaitSpec {
        @Override
        public String describe() {
            return "log line matching /" + regex + "/" + (times == 1 ? "" : " " + times + " times");
        }
    }

    /**
     * The image's Docker healthcheck reports healthy, and, if {@code exposedPorts}, something
     * listens inside the container on a port the image exposes ({@code EXPOSE}). A health check
     * such as {@code pg_isready} asks over a Unix socket, which the socket-only server of an
     * image's first initialization answers before the network does; the resolvers ask for the
     * ports where the service declares none of its own (declared ones are waited for as ports).
     *
     * @param timeout how long it may take
     * @param exposedPorts whether a port the image exposes must be listened on as well
     */
    record Healthcheck(Duration timeout, boolean exposedPorts) implements WaitSpec {
        @Override
        public String describe() {
            return "Docker healthcheck reporting healthy" + (exposedPorts ? ", and a port the image exposes listened on" : "");
        }

        /**
         * The health check condition of a service: with its image's exposed ports unless the
         * service declares ports (waited for on their own) or the user switched them off.
         *
         * @param timeout how long it may take
         * @param declaredPorts the service's declared container ports
         * @param exposedPorts false where the user switched the exposed ports off
         * @return the condition
         */
        public static Healthcheck of(Duration timeout, List<Integer> declaredPorts, boolean exposedPorts) {
            return new Healthcheck(timeout, exposedPorts && declaredPorts.isEmpty());
        }
    }

    /**
     * A command run inside the container exits with 0.
     *
     * @param command the command and its arguments
     * @param timeout how long it may take
     */
    record Command(List<String> command, Duration timeout) implements WaitSpec {
        public Command {
            command = List.copyOf(command);
        }

        @Override
        public String describe() {
            return "command " + command + " exiting with 0";
        }
    }

    /**
     * The container is running; what a service with no port and no other condition waits for.
     *
     * @param timeout how long it may take
     */
    record Running(Duration timeout) implements WaitSpec {
        @Override
        public String describe() {
            return "container running";
        }
    }

    /**
     * The container has exited with 0: what a one-shot job waits for.
     *
     * @param timeout how long it may take
     */
    record Completed(Duration timeout) implements WaitSpec {
        @Override
        public String describe() {
            return "job exiting with 0";
        }
    }
}
