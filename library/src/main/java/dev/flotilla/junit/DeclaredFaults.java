package dev.flotilla.junit;

import java.time.Duration;
import java.util.Map;

import dev.flotilla.ActiveFault;
import dev.flotilla.NetworkLink;
import dev.flotilla.RunningTopology;
import dev.flotilla.model.FaultSpec;

/** Puts a test method's {@code @Fault}s in place through the topology's public network API, as a test would. */
final class DeclaredFaults {

    private DeclaredFaults() {
    }

    static ActiveFault apply(RunningTopology topology, FaultSpec fault) {
        if (fault.isolate()) {
            return topology.network().isolate(fault.client());
        }
        NetworkLink link = topology.network().between(fault.client(), fault.server());
        link = switch (fault.direction()) {
            case BOTH -> link;
            case UPSTREAM -> link.upstream();
            case DOWNSTREAM -> link.downstream();
        };
        link = link.toxicity(fault.toxicity());
        Map<String, Long> a = fault.attributes();
        return switch (fault.kind()) {
            case CUT -> link.cut();
            case DOWN -> link.down();
            case LATENCY -> link.latency(Duration.ofMillis(a.get("latency")), Duration.ofMillis(a.get("jitter")));
            case BANDWIDTH -> link.bandwidth(a.get("rate").intValue());
            case TIMEOUT -> link.timeout(Duration.ofMillis(a.get("timeout")));
            case RESET_PEER -> link.resetPeer(Duration.ofMillis(a.get("timeout")));
            case SLICER -> link.slicer(a.get("average_size").intValue(), a.get("size_variation").intValue(),
                    Duration.ofNanos(a.get("delay") * 1000));
            case LIMIT_DATA -> link.limitData(a.get("bytes"));
        };
    }
}
