package dev.flotilla.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.flotilla.Fault;
import org.apiguardian.api.API;

/**
 * One network fault, however it was asked for ({@code @Fault} or the code API): on the link from
 * {@code client} to {@code server}, or, when {@code isolate} is set, on every link of
 * {@code client}.
 *
 * @param client the client of the link, or the isolated service
 * @param server the server of the link; empty when isolating
 * @param isolate whether {@code client} is cut off from every other service
 * @param kind what goes wrong
 * @param direction which way of the link is affected
 * @param toxicity the share of connections affected (faults through the proxy)
 * @param attributes the proxy's attributes of the fault, in Toxiproxy's names and units
 *     ({@code latency} and {@code jitter} in ms, {@code rate} in KB/s, {@code timeout} in ms,
 *     {@code bytes}, {@code average_size}, {@code size_variation}, {@code delay} in microseconds)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record FaultSpec(String client, String server, boolean isolate, Fault.Kind kind, Fault.Direction direction, double toxicity,
        Map<String, Long> attributes) {

    private static final List<String> ATTRIBUTE_ORDER = List.of("latency", "jitter", "rate", "timeout", "bytes", "average_size",
            "size_variation", "delay");

    public FaultSpec {
        attributes = Map.copyOf(attributes);
    }

    /** A service cut off from all others. */
    public static FaultSpec isolation(String service) {
        return new FaultSpec(service, "", true, Fault.Kind.CUT, Fault.Direction.BOTH, 1.0, Map.of());
    }

    /** The link, as {@code client -> server}. */
    public LinkSpec link() {
        return new LinkSpec(client, server);
    }

    /** Whether the fault needs the link's proxy: every kind but a cut. */
    public boolean needsProxy() {
        return !isolate && kind != Fault.Kind.CUT;
    }

    /** The fault proxy's name for the kind: Toxiproxy's, and {@code cut} and {@code down}, which are the proxy's own. */
    public String toxicType() {
        return switch (kind) {
            case CUT -> "cut";
            case DOWN -> "down";
            case LATENCY -> "latency";
            case BANDWIDTH -> "bandwidth";
            case TIMEOUT -> "timeout";
            case RESET_PEER -> "reset_peer";
            case SLICER -> "slicer";
            case LIMIT_DATA -> "limit_data";
        };
    }

    /** In words, such as {@code "latency (latency=300, jitter=0) on orders -> postgres, both ways"}. */
    public String description() {
        if (isolate) {
            return "\"" + client + "\" cut off from every other service";
        }
        String what = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (!attributes.isEmpty()) {
            what += " (" + ATTRIBUTE_ORDER.stream().filter(attributes::containsKey).map(key -> key + "=" + attributes.get(key))
                    .collect(Collectors.joining(", ")) + ")";
        }
        String way = switch (direction) {
            case BOTH -> "both ways";
            case UPSTREAM -> "client to server only";
            case DOWNSTREAM -> "server to client only";
        };
        return what + " on " + link() + ", " + way + (toxicity < 1.0 ? ", " + Math.round(toxicity * 100) + "% of connections" : "");
    }
}
