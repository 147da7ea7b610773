package dev.flotilla.demo.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The little the three services share: a JDK {@link HttpServer} whose routes answer JSON, with
 * every failure turned into a JSON error instead of a dropped connection.
 */
public final class JsonHttp {

    /** The one JSON mapper of a service. */
    public static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpServer server;

    private JsonHttp(HttpServer server) {
        this.server = server;
    }

    /** A server on {@code port} (all interfaces), not started yet. */
    public static JsonHttp on(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        return new JsonHttp(server);
    }

    /** Serves every path under {@code prefix} with {@code route}. */
    public JsonHttp route(String prefix, Route route) {
        server.createContext(prefix, exchange -> handle(exchange, route));
        return this;
    }

    /** Starts serving. */
    public void start() {
        server.start();
    }

    private static void handle(HttpExchange exchange, Route route) throws IOException {
        Reply reply;
        try {
            reply = route.handle(new Request(exchange));
        } catch (BadRequest e) {
            reply = Reply.of(400, Map.of("error", e.getMessage()));
        } catch (Exception e) {
            reply = Reply.of(500, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        byte[] body = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Route {
        /** The reply to {@code request}; may throw {@link BadRequest} for a 400. */
        Reply handle(Request request) throws Exception;
    }

    /** A status and a body to write as JSON. */
    public record Reply(int status, Object body) {
        /** A reply. */
        public static Reply of(int status, Object body) {
            return new Reply(status, body);
        }
    }

    /** The client sent something unusable; the message says what. */
    public static final class BadRequest extends RuntimeException {
        /** With the message the client sees. */
        public BadRequest(String message) {
            super(message);
        }
    }

    /** One request: method, path and a JSON body. */
    public static final class Request {
        private final HttpExchange exchange;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
        }

        /** {@code GET}, {@code POST}, ... */
        public String method() {
            return exchange.getRequestMethod();
        }

        /** The path, without the query. */
        public String path() {
            return exchange.getRequestURI().getPath();
        }

        /** The body read as {@code type}; a body that does not parse is a {@link BadRequest}. */
        public <T> T body(Class<T> type) {
            try (InputStream in = exchange.getRequestBody()) {
                return JSON.readValue(in, type);
            } catch (IOException e) {
                throw new BadRequest("the body is not a JSON " + type.getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
