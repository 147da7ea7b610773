package dev.flotilla;

import org.apiguardian.api.API;

/**
 * A fault in place on a running topology. Healing it (once or more often) puts the network back as
 * it was; {@code try (ActiveFault fault = ...)} heals it at the end of the block.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ActiveFault extends AutoCloseable {

    /**
     * What the fault does, such as {@code "latency 300ms on orders -> postgres (both ways)"}.
     *
     * @return a short description of the fault and the link or service it affects
     */
    String description();

    /**
     * Whether it is still in place.
     *
     * @return {@code true} until the fault is healed
     */
    boolean isActive();

    /**
     * Removes the fault; nothing happens if it is healed already.
     *
     * @throws FlotillaException if the engine could not undo it
     */
    void heal();

    /** Heals the fault; see {@link #heal()}. */
    @Override
    default void close() {
        heal();
    }
}
