package dev.flotilla.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flotilla.ActiveFault;
import dev.flotilla.Fault;
import dev.flotilla.NetworkLink;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.resolve.FaultChecks;

/** A link of a running topology, as the code API offers it: each call becomes a {@link FaultSpec}. */
final class FaultLink implements NetworkLink {

    private final TopologyFaults faults;
    private final String client;
    private final String server;
    private final Fault.Direction direction;
    private final double toxicity;

    FaultLink(TopologyFaults faults, String client, String server, Fault.Direction direction, double toxicity) {
        this.faults = faults;
        this.client = client;
        this.server = server;
        this.direction = direction;
        this.toxicity = toxicity;
    }

    @Override
    public NetworkLink upstream() {
        return new FaultLink(faults, client, server, Fault.Direction.UPSTREAM, toxicity);
    }

    @Override
    public NetworkLink downstream() {
        return new FaultLink(faults, client, server, Fault.Direction.DOWNSTREAM, toxicity);
    }

    @Override
    public NetworkLink toxicity(double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("toxicity " + share + " is not a share between 0.0 and 1.0");
        }
        return new FaultLink(faults, client, server, direction, share);
    }

    @Override
    public ActiveFault cut() {
        return apply(Fault.Kind.CUT, Map.of());
    }

    @Override
    public ActiveFault down() {
        return apply(Fault.Kind.DOWN, Map.of());
    }

    @Override
    public ActiveFault latency(Duration latency, Duration jitter) {
        Map<String, Long> attributes = new LinkedHashMap<>();
        attributes.put("latency", latency.toMillis());
        attributes.put("jitter", jitter.toMillis());
        return apply(Fault.Kind.LATENCY, attributes);
    }

    @Override
    public ActiveFault bandwidth(int kilobytesPerSecond) {
        return apply(Fault.Kind.BANDWIDTH, Map.of("rate", (long) kilobytesPerSecond));
    }

    @Override
    public ActiveFault timeout(Duration closeAfter) {
        return apply(Fault.Kind.TIMEOUT, Map.of("timeout", closeAfter.toMillis()));
    }

    @Override
    public ActiveFault resetPeer(Duration after) {
        return apply(Fault.Kind.RESET_PEER, Map.of("timeout", after.toMillis()));
    }

    @Override
    public ActiveFault slicer(int averageBytes, int variation, Duration delay) {
        Map<String, Long> attributes = new LinkedHashMap<>();
        attributes.put("average_size", (long) averageBytes);
        attributes.put("size_variation", (long) variation);
        attributes.put("delay", delay.toNanos() / 1000);
        return apply(Fault.Kind.SLICER, attributes);
    }

    @Override
    public ActiveFault limitData(long bytes) {
        return apply(Fault.Kind.LIMIT_DATA, Map.of("bytes", bytes));
    }

    private ActiveFault apply(Fault.Kind kind, Map<String, Long> attributes) {
        return faults.apply(FaultChecks.checked(new FaultSpec(client, server, false, kind, direction, toxicity, attributes)));
    }

    @Override
    public String toString() {
        return "NetworkLink[" + client + " -> " + server + ", " + direction + "]";
    }
}
