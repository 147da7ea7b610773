package dev.flotilla.faultproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The server socket of one forward; unbound while the proxy is down, bound again on the same port after; held
 * while it is cut ({@link AcceptQueuePlug}).
 */
final class Listener {

    private final ServerBootstrap bootstrap;
    private final Forward forward;
    private Channel serverChannel;
    private int boundPort;
    // The hold in place, or the last one, while the kernel hands its connections to the proxy; read by event loops.
    private volatile AcceptQueuePlug plug;
    private boolean held;

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

    /** Closes the server socket; a hold ends with it (what waited in its queue is reset by the kernel). */
    void unbind() {
        release();
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        plug = null;
    }

    /** New connections time out from now on: none is accepted, and the kernel answers none. */
    void hold() throws IOException {
        if (!held && serverChannel != null) {
            plug = AcceptQueuePlug.insert(serverChannel, boundPort);
            held = true;
        }
    }

    /** New connections are accepted again, those that waited through the hold included (at their next SYN). */
    void release() {
        if (held) {
            held = false;
            plug.remove(serverChannel);
        }
    }

    /** Whether an accepted connection is one of the plug's own, to be closed unproxied. */
    boolean isPlug(SocketAddress remote) {
        return plug != null && plug.owns(remote);
    }

    int boundPort() {
        return boundPort;
    }
}
