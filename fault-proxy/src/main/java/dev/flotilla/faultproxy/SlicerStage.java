package dev.flotilla.faultproxy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Cuts data into slices of about {@code average_size} bytes, passed on {@code delay} µs apart. */
final class SlicerStage extends PacedStage {

    private final long averageSize;
    private final long sizeVariation;
    private final long delayMicros;

    SlicerStage(long averageSize, long sizeVariation, long delayMicros, StageOutput output) {
        super(output);
        this.averageSize = averageSize;
        this.sizeVariation = sizeVariation;
        this.delayMicros = delayMicros;
    }

    @Override
    protected void passDue() {
        while (!held.isEmpty()) {
            output.pass(held.take(nextSliceSize()));
            if (delayMicros > 0 && !held.isEmpty()) {
                passAgainAfter(delayMicros, TimeUnit.MICROSECONDS);
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
}
