package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** A queue of chunks that a stage holds back, with their total size; the stages' shared bookkeeping. */
final class HeldChunks {

    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private long bytes;

    void add(ByteBuf chunk) {
        chunks.add(chunk);
        bytes += chunk.readableBytes();
    }

    ByteBuf peek() {
        return chunks.peek();
    }

    /** Takes up to {@code maxBytes} from the head chunk, removing the chunk once it is used up. */
    ByteBuf take(int maxBytes) {
        ByteBuf head = chunks.peek();
        ByteBuf piece;
        if (head.readableBytes() <= maxBytes) {
            piece = chunks.poll();
        } else {
            piece = head.readRetainedSlice(maxBytes);
        }
        bytes -= piece.readableBytes();
        return piece;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    /** Empties the queue, handing each chunk to {@code action} in order. */
    void drainTo(Consumer<ByteBuf> action) {
        while (!chunks.isEmpty()) {
            ByteBuf chunk = chunks.poll();
            bytes -= chunk.readableBytes();
            action.accept(chunk);
        }
    }

    void releaseAll() {
        drainTo(ByteBuf::release);
    }
}
