package dev.flotilla.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.flotilla.Fault;
import dev.flotilla.FlotillaException;
import dev.flotilla.model.FaultSpec;

/**
 * Switches faults on one fault proxy through its control port (published to the host): each
 * fault becomes one "toxic" per direction, named after the fault, in Toxiproxy's terms.
 */
final class ProxyControl {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final ServiceContainer proxy;

    ProxyControl(ServiceContainer proxy) {
        this.proxy = proxy;
    }

    /** Puts {@code fault} in place under {@code name}; returns the names of the toxics it made. */
    List<String> add(String name, FaultSpec fault) {
        List<String> streams = switch (fault.direction()) {
            case BOTH -> List.of("upstream", "downstream");
            case UPSTREAM -> List.of("upstream");
            case DOWNSTREAM -> List.of("downstream");
        };
        if (fault.kind() == Fault.Kind.DOWN) {
            streams = List.of("downstream"); // the whole proxy is down, whichever way
        }
        List<String> made = new ArrayList<>();
        try {
            for (String stream : streams) {
                String toxic = name + "-" + stream;
                Map<String, String> form = new LinkedHashMap<>();
                form.put("name", toxic);
                form.put("type", fault.toxicType());
                form.put("stream", stream);
                form.put("toxicity", String.valueOf(fault.toxicity()));
                fault.attributes().forEach((key, value) -> form.put(key, String.valueOf(value)));
                send(HttpRequest.newBuilder(uri("/toxics")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form))), 201, "put " + fault.description() + " in place");
                made.add(toxic);
            }
            return made;
        } catch (RuntimeException e) {
            made.forEach(toxic -> removeQuietly(toxic, e));
            throw e;
        }
    }

    /** Removes the toxics; one that is gone already counts as removed, as do all of a proxy that stopped (with its toxics). */
    void remove(List<String> toxics) {
        if (!proxy.isRunning()) {
            return;
        }
        for (String toxic : toxics) {
            HttpResponse<String> response = sendRaw(HttpRequest.newBuilder(uri("/toxics/" + toxic)).DELETE(), "heal a fault");
            if (response.statusCode() != 204 && response.statusCode() != 404) {
                throw failure("heal a fault", response);
            }
        }
    }

    private void removeQuietly(String toxic, RuntimeException cause) {
        try {
            remove(List.of(toxic));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + proxy.host() + ":" + proxy.mappedPort(FaultProxies.CONTROL_PORT) + path);
    }

    private void send(HttpRequest.Builder request, int expected, String what) {
        HttpResponse<String> response = sendRaw(request, what);
        if (response.statusCode() != expected) {
            throw failure(what, response);
        }
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request, String what) {
        try {
            return HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FlotillaException("Could not " + what + ": the fault proxy " + proxy.name() + " did not answer on its control port ("
                    + e + "); it is " + proxy.describeState().replaceFirst("^it is ", "") + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlotillaException("Interrupted while asking the fault proxy " + proxy.name() + " to " + what, e);
        }
    }

    private FlotillaException failure(String what, HttpResponse<String> response) {
        return new FlotillaException("Could not " + what + ": the fault proxy " + proxy.name() + " answered " + response.statusCode()
                + ": " + response.body().strip());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
