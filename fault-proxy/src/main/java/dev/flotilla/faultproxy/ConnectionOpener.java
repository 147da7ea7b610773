package dev.flotilla.faultproxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Takes an accepted client connection, connects it to its forward's upstream, and starts the {@link Connection}. */
final class ConnectionOpener extends ChannelInitializer<SocketChannel> {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Forward forward;
    private final FaultProxy proxy;
    private final Executor resolver;

    ConnectionOpener(Forward forward, FaultProxy proxy, Executor resolver) {
        this.forward = forward;
        this.proxy = proxy;
        this.resolver = resolver;
    }

    @Override
    protected void initChannel(SocketChannel client) {
        if (proxy.isDown() || proxy.isPlug(forward, client.remoteAddress())) {
            // Accepted in the moment the listeners were being unbound, or one of the proxy's own, that held the listener.
            client.close();
            return;
        }
        String description = "port " + proxy.boundPort(forward) + " from " + client.remoteAddress()
                + " to " + forward.upstream();
        proxy.stats().connectionOpened();
        proxy.log().line("connection opened: " + description);
        client.closeFuture().addListener(closed -> {
            proxy.stats().connectionClosed();
            proxy.log().line("connection closed: " + description);
        });
        // Resolved for each connection, off the event loop: InetAddress blocks, and the upstream's address can change.
        CompletableFuture.supplyAsync(this::resolveUpstream, resolver).whenComplete((address, failure) ->
                client.eventLoop().execute(() -> {
                    if (failure != null) {
                        fail(client, description, failure.getCause() != null ? failure.getCause() : failure);
                    } else {
                        connect(client, address, description);
                    }
                }));
    }

    private InetSocketAddress resolveUpstream() {
        try {
            return new InetSocketAddress(InetAddress.getByName(forward.upstreamHost()), forward.upstreamPort());
        } catch (UnknownHostException unknown) {
            throw new IllegalStateException("unknown host " + forward.upstreamHost(), unknown);
        }
    }

    private void connect(SocketChannel client, InetSocketAddress address, String description) {
        if (!client.isActive()) {
            return;
        }
        // The same event loop as the client's: a connection's two channels and its timers never need locking.
        Bootstrap bootstrap = new Bootstrap()
                .group(client.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInboundHandlerAdapter());
        ChannelTuning.OPTIONS.forEach((option, value) -> setOption(bootstrap, option, value));
        bootstrap.connect(address)
                .addListener(connected -> {
                    Channel upstream = ((io.netty.channel.ChannelFuture) connected).channel();
                    if (!connected.isSuccess()) {
                        fail(client, description, connected.cause());
                    } else if (!client.isActive() || proxy.isDown()) {
                        upstream.close();
                        client.close();
                    } else {
                        proxy.register(new Connection(client, upstream, proxy.registry(), proxy.stats()));
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> void setOption(Bootstrap bootstrap, ChannelOption<T> option, Object value) {
        bootstrap.option(option, (T) value);
    }

    private void fail(SocketChannel client, String description, Throwable cause) {
        proxy.log().line("connection failed: " + description + ": " + cause.getMessage());
        client.close();
    }
}
