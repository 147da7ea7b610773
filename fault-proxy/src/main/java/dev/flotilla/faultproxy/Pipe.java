package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * One direction of a connection: reads from {@code source}, writes to {@code target}, through the stages of the
 * toxics that affect this direction. With no stage, data is written straight through and flushed once per read
 * burst. Either way reading pauses while the target is not writable or the stages hold too much (backpressure).
 * All methods run on the connection's event loop.
 */
final class Pipe {

    /** Bytes the stages may hold before reading from the source pauses. */
    static final long HIGH_WATER_BYTES = 256 * 1024;

    private final Connection connection;
    private final Channel source;
    private final Channel target;
    private final LongAdder byteCounter;
    private final List<Slot> slots = new ArrayList<>();
    private boolean flushPending;
    private boolean inputEnded;
    private boolean outputEnded;

    Pipe(Connection connection, Channel source, Channel target, LongAdder byteCounter) {
        this.connection = connection;
        this.source = source;
        this.target = target;
        this.byteCounter = byteCounter;
    }

    void receive(ByteBuf data) {
        if (connection.isClosed()) {
            data.release();
            return;
        }
        byteCounter.add(data.readableBytes());
        if (slots.isEmpty()) {
            target.write(data, target.voidPromise());
            flushPending = true;
        } else {
            slots.get(0).stage.accept(data);
        }
        updateReading();
    }

    void readComplete() {
        if (flushPending) {
            flushPending = false;
            target.flush();
        }
    }

    /** The source sent FIN: once the stages hold nothing more, half-close the target likewise. */
    void endInput() {
        inputEnded = true;
        endOutputIfDrained();
    }

    /** Starts or stops reading from the source, for backpressure; called whenever the balance may have changed. */
    void updateReading() {
        if (connection.isClosed()) {
            return;
        }
        boolean read = !inputEnded && !isCut() && target.isWritable() && queuedBytes() < HIGH_WATER_BYTES;
        if (source.config().isAutoRead() != read) {
            source.config().setAutoRead(read);
        }
    }

    /**
     * Makes the stages match {@code toxics}, the toxics now affecting this direction, in order: a removed toxic's
     * stage passes on what it held, a new toxic's stage is added at the end.
     */
    void apply(List<Toxic> toxics) {
        for (Slot slot : List.copyOf(slots)) {
            if (!toxics.contains(slot.toxic)) {
                slot.stage.drain();
                slots.remove(slot);
            }
        }
        for (Toxic toxic : toxics) {
            if (slots.stream().noneMatch(slot -> slot.toxic.equals(toxic))) {
                Slot slot = new Slot(toxic);
                slot.stage = ToxicStages.create(toxic, slot);
                slots.add(slot);
            }
        }
        updateReading();
        endOutputIfDrained();
    }

    void discard() {
        slots.forEach(slot -> slot.stage.discard());
        slots.clear();
    }

    /** Whether a stage cuts this direction: then nothing is read from the source, and its end waits. */
    private boolean isCut() {
        for (Slot slot : slots) {
            if (slot.stage.cuts()) {
                return true;
            }
        }
        return false;
    }

    private long queuedBytes() {
        long total = 0;
        for (Slot slot : slots) {
            total += slot.stage.queuedBytes();
        }
        return total;
    }

    private void passFrom(Slot slot, ByteBuf data) {
        if (connection.isClosed()) {
            data.release();
            return;
        }
        int next = slots.indexOf(slot) + 1;
        if (next > 0 && next < slots.size()) {
            slots.get(next).stage.accept(data);
            return;
        }
        target.writeAndFlush(data, target.voidPromise());
        updateReading();
        endOutputIfDrained();
    }

    private void endOutputIfDrained() {
        if (!inputEnded || outputEnded || connection.isClosed() || queuedBytes() > 0 || isCut()) {
            return;
        }
        outputEnded = true;
        // shutdownOutput() would fail writes still queued in the channel, so it waits for them to be flushed.
        target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
            if (target instanceof DuplexChannel duplex && target.isActive()) {
                duplex.shutdownOutput().addListener(shut -> connection.directionEnded());
            } else {
                connection.directionEnded();
            }
        });
    }

    /** A toxic's place in this pipe, and the output its stage writes to. */
    private final class Slot implements StageOutput {
        private final Toxic toxic;
        private ToxicStage stage;

        private Slot(Toxic toxic) {
            this.toxic = toxic;
        }

        @Override
        public void pass(ByteBuf data) {
            passFrom(this, data);
        }

        @Override
        public void closeConnection() {
            connection.close();
        }

        @Override
        public void resetConnection() {
            connection.reset();
        }

        @Override
        public EventLoop eventLoop() {
            return source.eventLoop();
        }
    }
}
