package dev.flotilla.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest HTTP check there is: one socket, {@code GET} over HTTP/1.0, read the status line.
 * The floor waits with it, and the readiness measurement reads the container's timestamp with it.
 */
final class HttpProbe {

    private static final int TIMEOUT_MS = 1000;

    private HttpProbe() {
    }

    /** The status code of {@code GET path}, or -1 if nothing answered (Docker's port proxy closes at once). */
    static int status(String host, int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            // "HTTP/1.0 404 Not Found"
            return response.startsWith("HTTP/") && response.length() >= 12 ? Integer.parseInt(response.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The body of {@code GET path}, which must answer 200. */
    static String body(String host, int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.") || !response.substring(9, 12).equals("200")) {
                throw new IOException("GET " + path + " answered: " + response.lines().findFirst().orElse("nothing"));
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    /** Polls every {@code intervalMs} until {@code GET /} answers {@code status}; throws after {@code timeoutMs}. */
    static void awaitStatus(String host, int port, int status, long intervalMs, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (status(host, port, "/") != status) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(host + ":" + port + " did not answer " + status + " within " + timeoutMs + " ms");
            }
            Thread.sleep(intervalMs);
        }
    }
}
