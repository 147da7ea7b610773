package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;

/**
 * A cut direction: the pipe stops reading its source, so that what the peer sends, its FIN included, waits in the
 * kernel as it would behind dropped packets. What reached the stage before (from an earlier stage, or read just
 * before the cut) is held too; all of it passes on, in order, once the toxic is removed.
 */
final class CutStage implements ToxicStage {

    private final HeldChunks held = new HeldChunks();
    private final StageOutput output;

    CutStage(StageOutput output) {
        this.output = output;
    }

    @Override
    public void accept(ByteBuf data) {
        held.add(data);
    }

    @Override
    public long queuedBytes() {
        return held.bytes();
    }

    @Override
    public void drain() {
        held.drainTo(output::pass);
    }

    @Override
    public void discard() {
        held.releaseAll();
    }

    @Override
    public boolean cuts() {
        return true;
    }
}
