package dev.flotilla.faultproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/** The server socket of one forward; unbound while the proxy is down, bound again on the same port after. */
final class Listener {

    private final ServerBootstrap bootstrap;
    private final Forward forward;
    private Channel serverChannel;
    private int boundPort;

    Listener(ServerBootstrap bootstrap, Forward forward) {
        this.bootstrap = bootstrap;
        this.forward = forward;
    }

    void bind() throws InterruptedException {
        // The first bind may ask for port 0 (tests); later binds reuse the port it got, as a restart would.
        int port = boundPort != 0 ? boundPort : forward.listenPort();
        serverChannel = bootstrap.bind(port).sync().channel();
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    void unbind() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
    }

    int boundPort() {
        return boundPort;
    }
}
