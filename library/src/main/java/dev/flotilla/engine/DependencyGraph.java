package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/** The services of a validated (so acyclic) topology, in an order where dependencies come first. */
final class DependencyGraph {

    private DependencyGraph() {
    }

    /** Dependencies before dependents; otherwise declaration order. */
    static List<ServiceSpec> startOrder(TopologySpec spec) {
        Map<String, ServiceSpec> remaining = new LinkedHashMap<>();
        spec.services().forEach(s -> remaining.put(s.name(), s));
        Set<String> placed = new LinkedHashSet<>();
        List<ServiceSpec> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            ServiceSpec next = remaining.values().stream()
                    .filter(s -> placed.containsAll(s.dependsOn()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("dependency cycle among " + remaining.keySet()));
            remaining.remove(next.name());
            placed.add(next.name());
            order.add(next);
        }
        return order;
    }

    /** The names of the services that depend directly on {@code name}. */
    static List<String> dependents(TopologySpec spec, String name) {
        return spec.services().stream().filter(s -> s.dependsOn().contains(name)).map(ServiceSpec::name).toList();
    }
}
