package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stage that holds data back and passes it on in pieces, one timer at a time: what bandwidth and slicer
 * share. Subclasses say how to pass what is due; holding, draining and discarding are the same for both.
 */
abstract class PacedStage implements ToxicStage {

    protected final StageOutput output;
    protected final HeldChunks held = new HeldChunks();
    private ScheduledFuture<?> timer;

    PacedStage(StageOutput output) {
        this.output = output;
    }

    /** Holds {@code data}; passes what is due at once unless a timer is waiting to pass more (then it joins the queue). */
    @Override
    public void accept(ByteBuf data) {
        held.add(data);
        if (timer == null) {
            passDue();
        }
    }

    /** Calls {@link #passDue()} again after {@code delay}. */
    protected final void passAgainAfter(long delay, TimeUnit unit) {
        timer = output.eventLoop().schedule(this::passDueNow, delay, unit);
    }

    private void passDueNow() {
        timer = null;
        passDue();
    }

    /** Passes on what is due now, and calls {@link #passAgainAfter} if more must wait. */
    protected abstract void passDue();

    @Override
    public final long queuedBytes() {
        return held.bytes();
    }

    @Override
    public final void drain() {
        cancelTimer();
        held.drainTo(output::pass);
    }

    @Override
    public final void discard() {
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
