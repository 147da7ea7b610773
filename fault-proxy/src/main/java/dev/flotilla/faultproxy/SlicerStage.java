package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Cuts data into slices of about {@code average_size} bytes, passed on {@code delay} µs apart. */
final class SlicerStage implements ToxicStage {

    private final long averageSize;
    private final long sizeVariation;
    private final long delayMicros;
    private final StageOutput output;
    private final HeldChunks held = new HeldChunks();
    private ScheduledFuture<?> timer;

    SlicerStage(long averageSize, long sizeVariation, long delayMicros, StageOutput output) {
        this.averageSize = averageSize;
        this.sizeVariation = sizeVariation;
        this.delayMicros = delayMicros;
        this.output = output;
    }

    @Override
    public void accept(ByteBuf data) {
        held.add(data);
        if (timer == null) {
            passSlices();
        }
    }

    private void passSlices() {
        timer = null;
        while (!held.isEmpty()) {
            output.pass(held.take(nextSliceSize()));
            if (delayMicros > 0 && !held.isEmpty()) {
                timer = output.eventLoop().schedule(this::passSlices, delayMicros, TimeUnit.MICROSECONDS);
                return;
            }
        }
    }

    private int nextSliceSize() {
        long variation = sizeVariation == 0
                ? 0
                : ThreadLocalRandom.current().nextLong(-sizeVariation, sizeVariation + 1);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, averageSize + variation));
    }

    @Override
    public long queuedBytes() {
        return held.bytes();
    }

    @Override
    public void drain() {
        cancelTimer();
        held.drainTo(output::pass);
    }

    @Override
    public void discard() {
        cancelTimer();
        held.releaseAll();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
