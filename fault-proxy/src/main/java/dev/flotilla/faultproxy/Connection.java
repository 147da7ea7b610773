package dev.flotilla.faultproxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One proxied connection: the client's channel, the upstream's channel (both on one event loop) and a
 * {@link Pipe} for each direction. Which toxics affect it is decided here, once per toxic, by its toxicity.
 */
final class Connection {

    // After a graceful close was asked for, how long writing what is left may take before the channel is closed.
    private static final long CLOSE_GRACE_MILLIS = 1000;

    private final Channel client;
    private final Channel upstreamChannel;
    private final ToxicRegistry registry;
    private final Pipe upstream;
    private final Pipe downstream;
    private final Map<Toxic, Boolean> affectedBy = new HashMap<>();
    private boolean closed;
    private int endedDirections;

    Connection(Channel client, Channel upstreamChannel, ToxicRegistry registry, ProxyStats stats) {
        this.client = client;
        this.upstreamChannel = upstreamChannel;
        this.registry = registry;
        this.upstream = new Pipe(this, client, upstreamChannel, stats.upstreamBytes());
        this.downstream = new Pipe(this, upstreamChannel, client, stats.downstreamBytes());
    }

    /** Installs the relays and starts reading from both sides; called on the event loop once the upstream is connected. */
    void start() {
        client.pipeline().addLast(new RelayHandler(this, upstream, downstream));
        upstreamChannel.pipeline().addLast(new RelayHandler(this, downstream, upstream));
        applyToxics();
        upstream.updateReading();
        downstream.updateReading();
    }

    /** Completes when the client's side has closed, which always happens when the connection ends. */
    ChannelFuture closeFuture() {
        return client.closeFuture();
    }

    EventLoop eventLoop() {
        return client.eventLoop();
    }

    boolean isClosed() {
        return closed;
    }

    /** Brings both pipes in line with the registry; run on the event loop after every change of toxics. */
    void applyToxics() {
        if (closed) {
            return;
        }
        List<Toxic> toxics = registry.snapshot();
        affectedBy.keySet().retainAll(toxics);
        List<Toxic> upstreamToxics = new ArrayList<>();
        List<Toxic> downstreamToxics = new ArrayList<>();
        for (Toxic toxic : toxics) {
            if (toxic.type() == ToxicType.DOWN || !affectedBy.computeIfAbsent(toxic, Connection::drawn)) {
                continue;
            }
            (toxic.stream() == Stream.UPSTREAM ? upstreamToxics : downstreamToxics).add(toxic);
        }
        upstream.apply(upstreamToxics);
        downstream.apply(downstreamToxics);
    }

    private static boolean drawn(Toxic toxic) {
        return ThreadLocalRandom.current().nextDouble() < toxic.toxicity();
    }

    /** One direction has been half-closed through; when both have, the connection is done. */
    void directionEnded() {
        endedDirections++;
        if (endedDirections == 2) {
            close();
        }
    }

    /** Closes both sides after writing what they were already given. */
    void close() {
        if (!markClosed()) {
            return;
        }
        closeGracefully(client);
        closeGracefully(upstreamChannel);
    }

    /** Resets both sides: SO_LINGER 0 then close makes the kernel send RST instead of FIN. */
    void reset() {
        if (!markClosed()) {
            return;
        }
        for (Channel channel : List.of(client, upstreamChannel)) {
            if (channel.isActive()) {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
            }
            channel.close();
        }
    }

    private boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        upstream.discard();
        downstream.discard();
        return true;
    }

    private void closeGracefully(Channel channel) {
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        // A peer that does not read would hold the flush, and the connection, forever.
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
