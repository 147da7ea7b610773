package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;

/** Passes {@code bytes} bytes, counted from when the toxic reached the connection, then closes the connection. */
final class LimitDataStage implements ToxicStage {

    private final StageOutput output;
    private long remaining;

    LimitDataStage(long limit, StageOutput output) {
        this.output = output;
        this.remaining = limit;
        if (limit == 0) {
            // Nothing may pass; closed from the loop, not from inside the caller that is setting up stages.
            output.eventLoop().execute(output::closeConnection);
        }
    }

    @Override
    public void accept(ByteBuf data) {
        if (remaining == 0) {
            data.release();
            return;
        }
        if (data.readableBytes() < remaining) {
            remaining -= data.readableBytes();
            output.pass(data);
            return;
        }
        ByteBuf allowed = data.readRetainedSlice((int) remaining);
        data.release();
        remaining = 0;
        output.pass(allowed);
        output.closeConnection();
    }

    @Override
    public long queuedBytes() {
        return 0;
    }

    @Override
    public void drain() {
        // holds nothing
    }

    @Override
    public void discard() {
        // holds nothing
    }
}
