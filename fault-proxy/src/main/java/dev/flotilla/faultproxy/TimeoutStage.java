package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Drops all data; closes the connection {@code timeout} ms after the toxic reached it, or never if 0. */
final class TimeoutStage implements ToxicStage {

    private final ScheduledFuture<?> closer;

    TimeoutStage(long timeoutMillis, StageOutput output) {
        this.closer = timeoutMillis == 0
                ? null
                : output.eventLoop().schedule(output::closeConnection, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void accept(ByteBuf data) {
        data.release();
    }

    @Override
    public long queuedBytes() {
        return 0;
    }

    @Override
    public void drain() {
        cancelCloser();
    }

    @Override
    public void discard() {
        cancelCloser();
    }

    private void cancelCloser() {
        if (closer != null) {
            closer.cancel(false);
        }
    }
}
