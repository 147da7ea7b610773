package dev.flotilla.faultproxy;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Map;

/**
 * The socket options of both sides of every connection, in one place. Netty's defaults (reads of at most 64 KiB,
 * unwritable above 64 KiB queued) would pause and resume reading on nearly every read of a bulk transfer.
 */
final class ChannelTuning {

    private static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 1024 * 1024);
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1024 * 1024, 2 * 1024 * 1024);

    /** The options, as {@code option(...)} of a Bootstrap or {@code childOption(...)} of a ServerBootstrap take them. */
    static final Map<ChannelOption<?>, Object> OPTIONS = Map.of(
            // Off until the connection is set up; from then on the pipes steer it, for backpressure.
            ChannelOption.AUTO_READ, false,
            // A FIN from one side must become a FIN to the other, not a close of both.
            ChannelOption.ALLOW_HALF_CLOSURE, true,
            // Small writes (a slice, a request) go out at once, as they would without the proxy.
            ChannelOption.TCP_NODELAY, true,
            ChannelOption.RCVBUF_ALLOCATOR, READS,
            ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);

    private ChannelTuning() {
    }
}
