package dev.flotilla;

import java.time.Duration;

import org.apiguardian.api.API;

/**
 * A link from a client service to a server service, on which a test makes one fault at a time
 * per call. Instances are immutable: {@link #upstream()}, {@link #downstream()} and
 * {@link #toxicity(double)} return a narrowed copy.
 *
 * <pre>{@code
 * try (ActiveFault slow = topology.network().between("orders", "postgres").latency(Duration.ofMillis(300))) {
 *     // orders' queries take 300 ms longer each way, until the end of the block
 * }
 * }</pre>
 *
 * <p>{@link #cut()} works on every link: through the link's proxy where it has one, otherwise with
 * the kernel's packet filter in the client's network namespace (which needs an engine that grants
 * {@code NET_ADMIN}). Every other fault works through the link's proxy, which
 * {@link ProxiedLink @ProxiedLink} or a {@link Fault @Fault} on a test method places.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface NetworkLink {

    /** This link from the client to the server only (requests). */
    NetworkLink upstream();

    /** This link from the server to the client only (responses). */
    NetworkLink downstream();

    /**
     * This link with faults that affect only a share of connections, from 0.0 to 1.0 (decided per
     * connection), for the faults that work through the proxy, except {@link #down()}, which takes
     * every connection. 1.0 unless set.
     */
    NetworkLink toxicity(double share);

    /** A partition: packets are dropped, so connections hang and new ones time out. */
    ActiveFault cut();

    /** The server is down for the client: new connections are refused and open ones closed. */
    ActiveFault down();

    /** Delays data by {@code latency}. */
    default ActiveFault latency(Duration latency) {
        return latency(latency, Duration.ZERO);
    }

    /** Delays data by {@code latency}, give or take up to {@code jitter}. */
    ActiveFault latency(Duration latency, Duration jitter);

    /** Lets data pass at most at {@code kilobytesPerSecond}. */
    ActiveFault bandwidth(int kilobytesPerSecond);

    /** Stops data; the connection is closed after {@code closeAfter}, or never if it is zero. */
    ActiveFault timeout(Duration closeAfter);

    /** Resets connections (TCP RST) after {@code after}; at once if it is zero. */
    ActiveFault resetPeer(Duration after);

    /** Cuts data into slices of about {@code averageBytes} (give or take {@code variation}), {@code delay} apart. */
    ActiveFault slicer(int averageBytes, int variation, Duration delay);

    /** Closes each connection once {@code bytes} have passed. */
    ActiveFault limitData(long bytes);
}
