package dev.flotilla.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A registry stand-in on {@code 127.0.0.1}, for pull tests on the real engine. Docker treats
 * registries on 127.0.0.0/8 as insecure: it tries TLS first, which this refuses by closing the
 * connection, then speaks plain HTTP. It behaves as one of two broken registries:
 * <ul>
 *   <li>{@link #stalling()}: answers Docker's version check, then never answers again, as a
 *       registry or proxy that hangs; Docker itself then waits for ever;</li>
 *   <li>{@link #refusingThenForwarding}: answers the first pulls' manifest requests with 503, as
 *       a registry that is briefly unavailable, then forwards everything to a real registry.</li>
 * </ul>
 * Every request it sees is recorded with what it did.
 */
public final class FakeRegistry implements AutoCloseable {

    private final LoopbackServer server;
    private final int upstreamPort;
    private int refusalsLeft;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeRegistry(int upstreamPort, int refusedPulls) throws IOException {
        this.upstreamPort = upstreamPort;
        this.refusalsLeft = refusedPulls;
        this.server = new LoopbackServer("fake-registry", this::serve);
    }

    /** A registry that answers the version check, then nothing. */
    public static FakeRegistry stalling() throws IOException {
        return new FakeRegistry(-1, 0);
    }

    /**
     * A registry that answers 503 to the manifest requests of the first {@code refusedPulls}
     * pulls, then forwards every request to the registry on {@code 127.0.0.1:upstreamPort}.
     */
    public static FakeRegistry refusingThenForwarding(int refusedPulls, int upstreamPort) throws IOException {
        return new FakeRegistry(upstreamPort, refusedPulls);
    }

    /** Its address for image names: {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + server.port();
    }

    /** Each request line it saw, with what it did: {@code GET /v2/a/manifests/1 -> 503}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests it saw whose line contains {@code part} and ends with {@code outcome}. */
    public List<String> requests(String part, String outcome) {
        return requests.stream().filter(r -> r.contains(part) && r.endsWith(outcome)).collect(Collectors.toList());
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = HttpHeads.read(in);
            while (head != null) {
                String line = head.substring(0, head.indexOf("\r\n"));
                if (upstreamPort < 0) {
                    if (!line.startsWith("GET /v2/ ")) {
                        requests.add(line + " -> no answer");
                        closed.await();
                        return;
                    }
                    requests.add(line + " -> 200");
                    out.write(("HTTP/1.1 200 OK\r\nDocker-Distribution-Api-Version: registry/2.0\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                } else if (refuses(line)) {
                    requests.add(line + " -> 503");
                    out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    requests.add(line + " -> forwarded");
                    forward(head, out);
                    return;
                }
                out.flush();
                head = HttpHeads.read(in);
            }
        } catch (IOException e) {
            // the engine hung up, or this registry was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Refuses every manifest request until the manifest GETs of the refused pulls are used up (a pull tries HEAD, then GET). */
    private synchronized boolean refuses(String line) {
        if (refusalsLeft == 0 || !line.contains("/manifests/")) {
            return false;
        }
        if (line.startsWith("GET ")) {
            refusalsLeft--;
        }
        return true;
    }

    /** One request per connection upstream, closed after its answer, so that each request passes through here. */
    private void forward(String head, OutputStream out) throws IOException {
        String closing = head.lines().filter(l -> !l.toLowerCase().startsWith("connection:") && !l.isEmpty())
                .collect(Collectors.joining("\r\n")) + "\r\nConnection: close\r\n\r\n";
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.getOutputStream().write(closing.getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().flush();
            upstream.getInputStream().transferTo(out);
            out.flush();
        }
    }

    /** Stops answering and closes every connection, so the engine's waiting requests fail. */
    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
    }
}
