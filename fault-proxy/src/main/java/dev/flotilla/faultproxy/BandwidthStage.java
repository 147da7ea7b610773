package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Passes data at {@code rate} KB/s (1 KB = 1000 bytes, as in Toxiproxy). Chunks are cut into pieces of 10 ms
 * worth of data, so that the rate is smooth at the scale of a test's measurement.
 */
final class BandwidthStage implements ToxicStage {

    private static final long PIECE_MILLIS = 10;

    private final long bytesPerSecond;
    private final int pieceBytes;
    private final StageOutput output;
    private final HeldChunks held = new HeldChunks();
    private long nextSendNanos = Long.MIN_VALUE;
    private ScheduledFuture<?> timer;

    BandwidthStage(long rateKilobytesPerSecond, StageOutput output) {
        this.bytesPerSecond = rateKilobytesPerSecond * 1000;
        this.pieceBytes = (int) Math.max(1, Math.min(1 << 20, bytesPerSecond * PIECE_MILLIS / 1000));
        this.output = output;
    }

    @Override
    public void accept(ByteBuf data) {
        if (bytesPerSecond == 0) {
            // Toxiproxy's meaning of rate 0: no limit.
            output.pass(data);
            return;
        }
        held.add(data);
        if (timer == null) {
            sendDue();
        }
    }

    private void sendDue() {
        timer = null;
        long now = System.nanoTime();
        while (!held.isEmpty()) {
            if (nextSendNanos > now) {
                timer = output.eventLoop().schedule(this::sendDue, nextSendNanos - now, TimeUnit.NANOSECONDS);
                return;
            }
            ByteBuf piece = held.take(pieceBytes);
            // No credit for idle time: a pause does not allow a burst above the rate afterwards.
            nextSendNanos = Math.max(nextSendNanos, now) + piece.readableBytes() * 1_000_000_000L / bytesPerSecond;
            output.pass(piece);
        }
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
