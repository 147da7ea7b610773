package dev.flotilla.demo.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.demo.http.JsonHttp;

/** One service behind the gateway, called over HTTP with a short timeout: slow counts as unavailable. */
final class Downstream {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final String name;
    private final URI base;
    private final Duration timeout;

    Downstream(String name, URI base, Duration timeout) {
        this.name = name;
        this.base = base;
        this.timeout = timeout;
    }

    String name() {
        return name;
    }

    /** A GET; {@link Unavailable} when the service cannot be reached. */
    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A POST of {@code body} as JSON; {@link Unavailable} when the service cannot be reached. */
    Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + body + " as JSON", e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), JsonHttp.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new Unavailable(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(name, e);
        }
    }

    /** What the service answered. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** The service did not answer: not running, not resolvable, or too slow. */
    static final class Unavailable extends RuntimeException {
        private final String service;

        Unavailable(String service, Exception cause) {
            super(service + " is unavailable: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
            this.service = service;
        }

        String service() {
            return service;
        }
    }
}
