package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * Passes data at {@code rate} KB/s (1 KB = 1000 bytes, as in Toxiproxy). Chunks are cut into pieces of 10 ms
 * worth of data, so that the rate is smooth at the scale of a test's measurement.
 */
final class BandwidthStage extends PacedStage {

    private static final long PIECE_MILLIS = 10;

    private final long bytesPerSecond;
    private final int pieceBytes;
    private long nextSendNanos = Long.MIN_VALUE;

    BandwidthStage(long rateKilobytesPerSecond, StageOutput output) {
        super(output);
        this.bytesPerSecond = rateKilobytesPerSecond * 1000;
        this.pieceBytes = (int) Math.max(1, Math.min(1 << 20, bytesPerSecond * PIECE_MILLIS / 1000));
    }

    @Override
    public void accept(ByteBuf data) {
        if (bytesPerSecond == 0) {
            // Toxiproxy's meaning of rate 0: no limit.
            output.pass(data);
            return;
        }
        super.accept(data);
    }

    @Override
    protected void passDue() {
        long now = System.nanoTime();
        while (!held.isEmpty()) {
            if (nextSendNanos > now) {
                passAgainAfter(nextSendNanos - now, TimeUnit.NANOSECONDS);
                return;
            }
            ByteBuf piece = held.take(pieceBytes);
            // No credit for idle time: a pause does not allow a burst above the rate afterwards.
            nextSendNanos = Math.max(nextSendNanos, now) + piece.readableBytes() * 1_000_000_000L / bytesPerSecond;
            output.pass(piece);
        }
    }
}
