package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;

/**
 * One toxic acting on one direction of one connection. Stages are chained in the order their toxics were added;
 * all calls come from the connection's event loop, so a stage needs no locking.
 */
interface ToxicStage {

    /** Takes ownership of a chunk of data: passes it on, now or later, or releases it. */
    void accept(ByteBuf data);

    /** Bytes held back, waiting to be passed on; reading from the source pauses while the stages hold too many. */
    long queuedBytes();

    /** The toxic was removed: stops its timers and passes on everything held, in order. */
    void drain();

    /** The connection closed: stops its timers and releases everything held. */
    void discard();

    /** Whether the stage cuts its direction: the source is not read, and its end is not passed on, while it is in place. */
    default boolean cuts() {
        return false;
    }
}
