package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Lets data through, and resets the connection {@code timeout} ms after the toxic reached it. */
final class ResetPeerStage implements ToxicStage {

    private final StageOutput output;
    private final ScheduledFuture<?> resetter;

    ResetPeerStage(long timeoutMillis, StageOutput output) {
        this.output = output;
        // Scheduled even for 0, so that the reset never happens inside the caller that is still setting up stages.
        this.resetter = output.eventLoop().schedule(output::resetConnection, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void accept(ByteBuf data) {
        output.pass(data);
    }

    @Override
    public long queuedBytes() {
        return 0;
    }

    @Override
    public void drain() {
        resetter.cancel(false);
    }

    @Override
    public void discard() {
        resetter.cancel(false);
    }
}
