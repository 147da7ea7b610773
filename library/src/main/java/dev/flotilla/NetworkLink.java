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

    /**
     * This link from the client to the server only (requests).
     *
     * @return a copy of this link whose faults affect the client-to-server direction only
     */
    NetworkLink upstream();

    /**
     * This link from the server to the client only (responses).
     *
     * @return a copy of this link whose faults affect the server-to-client direction only
     */
    NetworkLink downstream();

    /**
     * This link with faults that affect only a share of connections, from 0.0 to 1.0 (decided per
     * connection), for the faults that work through the proxy, except {@link #down()}, which takes
     * every connection. 1.0 unless set.
     *
     * @param share the share of connections affected, from 0.0 to 1.0
     * @return a copy of this link whose faults affect that share of connections
     * @throws IllegalArgumentException if {@code share} is not between 0.0 and 1.0
     */
    NetworkLink toxicity(double share);

    /**
     * A partition: packets are dropped, so connections hang and new ones time out.
     *
     * @return the fault in place, to heal
     */
    ActiveFault cut();

    /**
     * The server is down for the client: new connections are refused and open ones closed.
     *
     * @return the fault in place, to heal
     */
    ActiveFault down();

    /**
     * Delays data by {@code latency}.
     *
     * @param latency the delay added to data; must be above zero
     * @return the fault in place, to heal
     */
    default ActiveFault latency(Duration latency) {
        return latency(latency, Duration.ZERO);
    }

    /**
     * Delays data by {@code latency}, give or take up to {@code jitter}.
     *
     * @param latency the delay added to data, counted in milliseconds; must be above zero
     * @param jitter the most the delay varies either way, counted in milliseconds; {@link Duration#ZERO} for none
     * @return the fault in place, to heal
     */
    ActiveFault latency(Duration latency, Duration jitter);

    /**
     * Lets data pass at most at {@code kilobytesPerSecond}.
     *
     * @param kilobytesPerSecond the rate limit in kilobytes a second; must be above zero
     * @return the fault in place, to heal
     */
    ActiveFault bandwidth(int kilobytesPerSecond);

    /**
     * Stops data; the connection is closed after {@code closeAfter}, or never if it is zero.
     *
     * @param closeAfter how long until the stalled connection is closed, counted in milliseconds; {@link Duration#ZERO}
     *     to keep it open
     * @return the fault in place, to heal
     */
    ActiveFault timeout(Duration closeAfter);

    /**
     * Resets connections (TCP RST) after {@code after}; at once if it is zero.
     *
     * @param after how long until connections are reset, counted in milliseconds; {@link Duration#ZERO} for at once
     * @return the fault in place, to heal
     */
    ActiveFault resetPeer(Duration after);

    /**
     * Cuts data into slices of about {@code averageBytes} (give or take {@code variation}), {@code delay} apart.
     *
     * @param averageBytes the average slice size in bytes; must be above zero
     * @param variation how much a slice's size varies either way, in bytes
     * @param delay the pause between slices, counted in microseconds
     * @return the fault in place, to heal
     */
    ActiveFault slicer(int averageBytes, int variation, Duration delay);

    /**
     * Closes each connection once {@code bytes} have passed.
     *
     * @param bytes the number of bytes let through on each connection; must be above zero
     * @return the fault in place, to heal
     */
    ActiveFault limitData(long bytes);
}
