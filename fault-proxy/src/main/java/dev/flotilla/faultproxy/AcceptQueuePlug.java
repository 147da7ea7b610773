package dev.flotilla.faultproxy;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes new connections to a listener time out, as behind a partition: the listener stops accepting, and the proxy
 * connects to it over loopback until its accept queue is full. Linux (like BSD) drops a SYN that finds the queue
 * full, unanswered, so a client's connect waits and retries until its own timeout. Closing the listener instead
 * would refuse connections (RST), and dropping SYNs with the packet filter would need {@code NET_ADMIN}, which
 * rootless engines refuse. Removing the plug accepts again: the plug's own connections are accepted then and closed
 * without being proxied ({@link #owns}), and a client still waiting gets in at its next SYN, as once a partition heals.
 */
final class AcceptQueuePlug {

    /** The listeners' accept queue: small, so that it fills at once, yet far more than a test opens in a moment. */
    static final int BACKLOG = 128;
    // A connect over loopback is answered at once; one left unanswered this long found the queue full.
    private static final int FULL_AFTER_MILLIS = 200;
    // The kernel may raise no queue above somaxconn, nor ours above BACKLOG: this many means something else answers.
    private static final int MAX_CONNECTIONS = 4 * BACKLOG;

    private final List<Socket> sockets;
    private final Set<Integer> ports;

    private AcceptQueuePlug(List<Socket> sockets, Set<Integer> ports) {
        this.sockets = sockets;
        this.ports = ports;
    }

    /** Stops {@code serverChannel} accepting and fills its accept queue; on failure it accepts again. */
    static AcceptQueuePlug insert(Channel serverChannel, int port) throws IOException {
        serverChannel.eventLoop().submit(() -> serverChannel.config().setAutoRead(false)).syncUninterruptibly();
        List<Socket> sockets = new ArrayList<>();
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        AcceptQueuePlug plug = new AcceptQueuePlug(sockets, ports);
        InetSocketAddress listener = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            while (sockets.size() < MAX_CONNECTIONS) {
                Socket socket = new Socket();
                try {
                    socket.connect(listener, FULL_AFTER_MILLIS);
                } catch (SocketTimeoutException full) {
                    socket.close();
                    return plug;
                }
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            throw new IOException("the accept queue of port " + port + " took " + MAX_CONNECTIONS + " connections and was"
                    + " still not full");
        } catch (IOException | RuntimeException failure) {
            plug.remove(serverChannel);
            throw failure;
        }
    }

    /** Accepts again, and closes the plug's side of its connections. */
    void remove(Channel serverChannel) {
        serverChannel.config().setAutoRead(true);
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket of our own: nothing to tell, the listener's side is closed when accepted.
            }
        }
    }

    /** Whether {@code remote}, the peer of a connection just accepted, is one of the plug's (each counted once). */
    boolean owns(SocketAddress remote) {
        return remote instanceof InetSocketAddress address && address.getAddress().isLoopbackAddress()
                && ports.remove(address.getPort());
    }
}
