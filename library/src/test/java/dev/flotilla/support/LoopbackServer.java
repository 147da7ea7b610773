package dev.flotilla.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A server socket on {@code 127.0.0.1} for the registry stand-ins: serves each connection on a
 * daemon thread of its own until closed, and closing it closes every connection, so that the
 * engine's waiting requests fail.
 */
final class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    /** Starts accepting; {@code serve} handles one connection, on its thread, and closes it. */
    LoopbackServer(String name, Consumer<Socket> serve) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(name, serve), name + "-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    private void accept(String name, Consumer<Socket> serve) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread connection = new Thread(() -> serve.accept(socket), name + "-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
