package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/** What a {@link ToxicStage} can do: pass data to the next stage, end the connection, schedule on its loop. */
interface StageOutput {

    /** Hands a chunk to the next stage, or to the destination if this stage is the last. */
    void pass(ByteBuf data);

    /** Closes both sides of the connection, after writing what was already passed on. */
    void closeConnection();

    /** Resets both sides of the connection: TCP RST, data not yet sent is lost. */
    void resetConnection();

    /** The connection's event loop, for timers. */
    EventLoop eventLoop();
}
