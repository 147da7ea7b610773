package dev.flotilla.faultproxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** An in-process proxy on free ports in front of one test server, with a client for its control API. */
final class ProxyFixture implements AutoCloseable {

    /** A control API answer. */
    record Reply(int status, String body) {
    }

    private final FaultProxy proxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProxyFixture(FaultProxy proxy) {
        this.proxy = proxy;
    }

    static ProxyFixture inFrontOf(TestServer server) throws Exception {
        ProxyConfig config = new ProxyConfig(0, List.of(new Forward(0, "localhost", server.port())));
        return new ProxyFixture(FaultProxy.start(config, System.out));
    }

    int listenPort() {
        return proxy.listenPort(0);
    }

    /** A client connection through the proxy, with a read timeout so that a broken test fails instead of hanging. */
    Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listenPort());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    Reply post(String form) throws Exception {
        return send(HttpRequest.newBuilder(uri("/toxics"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Adds a toxic, failing the test unless the proxy answers 201. */
    void addToxic(String form) throws Exception {
        Reply reply = post(form);
        if (reply.status() != 201) {
            throw new AssertionError("POST /toxics " + form + " answered " + reply);
        }
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Reply send(String method, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.controlPort() + path);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
