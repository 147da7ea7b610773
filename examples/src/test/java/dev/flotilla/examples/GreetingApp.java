package dev.flotilla.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A small Java application of the test class path, run as a service by {@link JavaAppExampleTest}: "ok" on /health, a greeting on /. */
public final class GreetingApp {

    private GreetingApp() {
    }

    public static void main(String[] args) throws IOException {
        String greeting = String.join(" ", args) + " from a Java app";
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/health", exchange -> answer(exchange, "ok"));
        server.createContext("/", exchange -> answer(exchange, greeting));
        server.start();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
