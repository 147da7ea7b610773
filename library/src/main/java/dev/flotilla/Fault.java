package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * A network fault in place for one test method: applied after the topology is ready and before
 * the test runs, healed after it, whether it passed or failed. Either a link ({@link #from()} and
 * {@link #to()}) or {@link #isolate() a service cut off from all others}. The same faults are
 * available from code through {@link RunningTopology#network()}.
 *
 * <pre>{@code
 * @Test
 * @Fault(from = "orders", to = "postgres", kind = Fault.Kind.LATENCY, latency = "300ms")
 * void ordersAreSlowButAccepted(...) { ... }
 * }</pre>
 *
 * <p>Every kind but {@link Kind#CUT} needs the link's proxy, which a {@code @Fault} on a test
 * method places by itself (see {@link ProxiedLink}). Repeatable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Faults.class)
public @interface Fault {

    /**
     * The client of the link: the service that connects.
     *
     * @return the client service's name; empty where {@link #isolate()} is used
     */
    String from() default "";

    /**
     * The server of the link: the service {@link #from()} connects to.
     *
     * @return the server service's name; empty where {@link #isolate()} is used
     */
    String to() default "";

    /**
     * A service to cut off from every other service of the topology, instead of a link.
     *
     * @return the name of the service to isolate; empty (the default) for a link fault
     */
    String isolate() default "";

    /**
     * What goes wrong; {@link Kind#CUT} unless set.
     *
     * @return the kind of fault
     */
    Kind kind() default Kind.CUT;

    /**
     * Which way of the link is affected: both unless set.
     *
     * @return the direction affected
     */
    Direction direction() default Direction.BOTH;

    /**
     * For {@link Kind#LATENCY}: the delay added to data, such as {@code "300ms"}.
     *
     * @return the added delay, as a duration such as {@code "300ms"}, {@code "2s"} or {@code "1m"}; required for {@link
     *     Kind#LATENCY}
     */
    String latency() default "";

    /**
     * For {@link Kind#LATENCY}: the most the delay varies either way.
     *
     * @return the jitter, as a duration such as {@code "50ms"}; {@code "0ms"} unless set
     */
    String jitter() default "0ms";

    /**
     * For {@link Kind#BANDWIDTH}: the most kilobytes a second that pass.
     *
     * @return the rate limit in kilobytes a second; must be above zero for {@link Kind#BANDWIDTH}
     */
    int kilobytesPerSecond() default 0;

    /**
     * For {@link Kind#TIMEOUT}: when the stalled connection is closed ({@code "0ms"}: never); for
     * {@link Kind#RESET_PEER}: when the connection is reset.
     *
     * @return the time before the connection is closed or reset, as a duration such as {@code "5s"}; {@code "0ms"}
     *     unless set
     */
    String after() default "0ms";

    /**
     * For {@link Kind#LIMIT_DATA}: the bytes that pass before the connection is closed.
     *
     * @return the number of bytes let through; must be above zero for {@link Kind#LIMIT_DATA}
     */
    long bytes() default 0;

    /**
     * For {@link Kind#SLICER}: the average size of the slices data is cut into, in bytes.
     *
     * @return the average slice size in bytes; must be above zero for {@link Kind#SLICER}
     */
    int sliceBytes() default 0;

    /**
     * For {@link Kind#SLICER}: how much a slice's size varies, in bytes.
     *
     * @return the variation of the slice size in bytes; 0 unless set
     */
    int sliceVariation() default 0;

    /**
     * For {@link Kind#SLICER}: the pause between slices.
     *
     * @return the pause between slices, as a duration such as {@code "10ms"}; {@code "0ms"} unless set
     */
    String sliceDelay() default "0ms";

    /**
     * The share of connections affected, from 0.0 to 1.0, decided per connection; for proxied kinds.
     *
     * @return the share of connections affected; 1.0 (every connection) unless set. {@link Kind#DOWN} takes only 1.0
     */
    double toxicity() default 1.0;

    /** What goes wrong on a link. Each kind but {@link #CUT} works through the link's proxy. */
    enum Kind {
        /** A partition: packets are dropped, so connections hang and new ones time out. */
        CUT,
        /** The server is down for the client: new connections are refused, open ones closed. */
        DOWN,
        /** Data is delayed by {@link Fault#latency()}, give or take {@link Fault#jitter()}. */
        LATENCY,
        /** Data passes at most at {@link Fault#kilobytesPerSecond()}. */
        BANDWIDTH,
        /** Data stops; the connection is closed after {@link Fault#after()}, or never. */
        TIMEOUT,
        /** The connection is reset (TCP RST) after {@link Fault#after()}. */
        RESET_PEER,
        /** Data is cut into small slices, with a pause between them. */
        SLICER,
        /** The connection is closed once {@link Fault#bytes()} have passed. */
        LIMIT_DATA
    }

    /** Which way of a link from client to server a fault affects. */
    enum Direction {
        /** Both ways. */
        BOTH,
        /** From the client to the server only. */
        UPSTREAM,
        /** From the server to the client only. */
        DOWNSTREAM
    }
}
