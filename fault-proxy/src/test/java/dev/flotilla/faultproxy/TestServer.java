package dev.flotilla.faultproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A plain blocking server on localhost, one thread per connection, standing in for the proxied service. */
final class TestServer implements AutoCloseable {

    /** What the server does with each accepted connection. */
    interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    static final byte[] GREETING = "hello\n".getBytes(StandardCharsets.UTF_8);

    private final ServerSocket serverSocket;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Bytes received from clients, over all connections (sink and source servers count them). */
    final AtomicLong received = new AtomicLong();

    private TestServer(Behaviour behaviour) throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(behaviour), "test-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Echoes everything; when the client half-closes, half-closes back. */
    static TestServer echo() throws IOException {
        return new TestServer(socket -> {
            socket.getInputStream().transferTo(socket.getOutputStream());
            socket.shutdownOutput();
        });
    }

    /** Sends {@link #GREETING} as soon as a client connects, then echoes. */
    static TestServer greetingEcho() throws IOException {
        return new TestServer(socket -> {
            socket.getOutputStream().write(GREETING);
            socket.getInputStream().transferTo(socket.getOutputStream());
            socket.shutdownOutput();
        });
    }

    /** Sends {@code size} bytes (0, 1, 2, ... mod 256), half-closes, then counts what the client sends until EOF. */
    static TestServer source(int size) throws IOException {
        TestServer[] self = new TestServer[1];
        self[0] = new TestServer(socket -> {
            socket.getOutputStream().write(pattern(size));
            socket.shutdownOutput();
            self[0].countUntilEnd(socket.getInputStream());
        });
        return self[0];
    }

    /** Discards everything, counting it. */
    static TestServer sink() throws IOException {
        TestServer[] self = new TestServer[1];
        self[0] = new TestServer(socket -> self[0].countUntilEnd(socket.getInputStream()));
        return self[0];
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private void countUntilEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            received.addAndGet(read);
        }
    }

    private void acceptLoop(Behaviour behaviour) {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                Thread worker = new Thread(() -> serve(behaviour, socket), "test-server-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Behaviour behaviour, Socket socket) {
        try (socket) {
            behaviour.serve(socket);
        } catch (IOException connectionEnded) {
            // the client or the proxy closed or reset it: normal in these tests
        }
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    static void writeFully(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
