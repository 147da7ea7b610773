package dev.flotilla.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * A TCP relay in front of the Docker engine, with a client that talks through it, so that a test
 * can cut every connection under way (as a network failure or an engine restart would) while new
 * connections keep working.
 */
public final class EngineForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final URI engine;
    private final List<Relay> open = new CopyOnWriteArrayList<>();
    private final DockerClient client;

    public EngineForwarder() throws IOException {
        this.engine = DockerClientFactory.instance().getTransportConfig().getDockerHost();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "engine-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
        this.client = DockerClientProviderStrategy.getClientForConfig(TransportConfig.builder()
                .dockerHost(URI.create("tcp://127.0.0.1:" + server.getLocalPort())).build());
    }

    /** A Docker client whose connections all go through this relay. */
    public DockerClient client() {
        return client;
    }

    /** Cuts every connection open now, abruptly; later connections work again. */
    public void cutAll() {
        for (Relay connection : open) {
            connection.close();
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket downstream = server.accept();
                Relay connection = new Relay(downstream, upstream());
                open.add(connection);
                relay("engine-forwarder-up", connection, () -> {
                    InputStream in = downstream.getInputStream();
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                        while (bytes.hasRemaining()) {
                            connection.up().write(bytes);
                        }
                    }
                });
                relay("engine-forwarder-down", connection, () -> {
                    OutputStream out = downstream.getOutputStream();
                    ByteBuffer buffer = ByteBuffer.allocate(8192);
                    while (connection.up().read(buffer) != -1) {
                        out.write(buffer.array(), 0, buffer.position());
                        out.flush();
                        buffer.clear();
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private SocketChannel upstream() throws IOException {
        if ("unix".equals(engine.getScheme())) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(Path.of(engine.getPath())));
            return channel;
        }
        return SocketChannel.open(new InetSocketAddress(engine.getHost(), engine.getPort()));
    }

    /** Copies one direction until either side ends, then ends both: the socket channel is read and written directly, never through streams that lock it. */
    private static void relay(String name, Relay connection, Copy copy) {
        Thread thread = new Thread(() -> {
            try {
                copy.run();
            } catch (IOException e) {
                // cut
            }
            connection.close();
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private interface Copy {
        void run() throws IOException;
    }

    @Override
    public void close() throws IOException {
        cutAll();
        server.close();
        client.close();
    }

    /** One relayed connection. */
    private record Relay(Socket down, SocketChannel up) {
        void close() {
            try {
                down.setSoLinger(true, 0); // a reset, not a polite end
                down.close();
            } catch (IOException e) {
                // closed already
            }
            try {
                up.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
