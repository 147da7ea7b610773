package dev.flotilla.faultproxy;

/**
 * One {@code --forward LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT}: a listener and where its connections go.
 *
 * @param listenPort   the port bound on all interfaces; 0 picks a free one (for tests, not the command line)
 * @param upstreamHost resolved through DNS for each connection, since the upstream may come back at a new address
 * @param upstreamPort the upstream's port
 */
public record Forward(int listenPort, String upstreamHost, int upstreamPort) {

    /** The upstream as {@code host:port}, for log lines. */
    public String upstream() {
        return upstreamHost + ":" + upstreamPort;
    }
}
