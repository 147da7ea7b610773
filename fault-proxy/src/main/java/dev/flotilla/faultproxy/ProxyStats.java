package dev.flotilla.faultproxy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Totals since start, shown by {@code GET /stats} so that a test can prove its traffic went through the proxy. */
final class ProxyStats {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final LongAdder upstreamBytes = new LongAdder();
    private final LongAdder downstreamBytes = new LongAdder();

    void connectionOpened() {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    void connectionClosed() {
        open.decrementAndGet();
    }

    /** Bytes read from clients, counted as they arrive (before any toxic). */
    LongAdder upstreamBytes() {
        return upstreamBytes;
    }

    /** Bytes read from upstream servers, counted as they arrive (before any toxic). */
    LongAdder downstreamBytes() {
        return downstreamBytes;
    }

    String describe() {
        return "connections.accepted " + accepted.get() + "\n"
                + "connections.open " + open.get() + "\n"
                + "bytes.upstream " + upstreamBytes.sum() + "\n"
                + "bytes.downstream " + downstreamBytes.sum() + "\n";
    }
}
