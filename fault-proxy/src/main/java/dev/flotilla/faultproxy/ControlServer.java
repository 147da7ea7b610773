package dev.flotilla.faultproxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Serves the {@link ControlApi} over HTTP with the JDK's server, on all interfaces. */
final class ControlServer implements AutoCloseable {

    // Toxic forms are a few hundred bytes; anything far larger is not one.
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private ControlServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ControlServer start(int port, ControlApi api) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        // One thread: changes of toxics are applied one at a time, in the order they arrive.
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "fault-proxy-control"));
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, api));
        server.start();
        return new ControlServer(server, executor);
    }

    private static void serve(HttpExchange exchange, ControlApi api) throws IOException {
        try (exchange) {
            Response response;
            try {
                String body = readBody(exchange.getRequestBody());
                response = body == null
                        ? Response.error(413, "request body larger than " + MAX_BODY_BYTES + " bytes")
                        : api.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            } catch (RuntimeException failure) {
                response = Response.error(500, String.valueOf(failure.getMessage()));
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
