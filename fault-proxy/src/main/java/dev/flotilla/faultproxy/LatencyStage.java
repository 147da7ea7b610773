package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Delays each chunk by latency +/- jitter; a chunk never overtakes an earlier one. */
final class LatencyStage implements ToxicStage {

    private record Delayed(ByteBuf chunk, long dueNanos) {
    }

    private final long latencyMillis;
    private final long jitterMillis;
    private final StageOutput output;
    private final ArrayDeque<Delayed> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long lastDueNanos = Long.MIN_VALUE;
    private ScheduledFuture<?> timer;

    LatencyStage(long latencyMillis, long jitterMillis, StageOutput output) {
        this.latencyMillis = latencyMillis;
        this.jitterMillis = jitterMillis;
        this.output = output;
    }

    @Override
    public void accept(ByteBuf data) {
        long now = System.nanoTime();
        long due = Math.max(now + TimeUnit.MILLISECONDS.toNanos(delayMillis()), lastDueNanos);
        lastDueNanos = due;
        queue.add(new Delayed(data, due));
        queuedBytes += data.readableBytes();
        if (timer == null) {
            schedule(now);
        }
    }

    private long delayMillis() {
        if (jitterMillis == 0) {
            return latencyMillis;
        }
        long jitter = ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
        return Math.max(0, latencyMillis + jitter);
    }

    private void schedule(long now) {
        long wait = queue.peek().dueNanos() - now;
        timer = output.eventLoop().schedule(this::releaseDue, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    private void releaseDue() {
        timer = null;
        long now = System.nanoTime();
        while (!queue.isEmpty() && queue.peek().dueNanos() <= now) {
            passHead();
        }
        if (!queue.isEmpty()) {
            schedule(now);
        }
    }

    private void passHead() {
        ByteBuf chunk = queue.poll().chunk();
        queuedBytes -= chunk.readableBytes();
        output.pass(chunk);
    }

    @Override
    public long queuedBytes() {
        return queuedBytes;
    }

    @Override
    public void drain() {
        cancelTimer();
        while (!queue.isEmpty()) {
            passHead();
        }
    }

    @Override
    public void discard() {
        cancelTimer();
        while (!queue.isEmpty()) {
            queue.poll().chunk().release();
        }
        queuedBytes = 0;
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
