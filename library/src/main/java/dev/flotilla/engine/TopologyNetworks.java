package dev.flotilla.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/**
 * The networks of a topology instance beyond its own: each network its services name (as compose
 * files do, to keep a front end away from a database) is a Docker network of its own per
 * instance, labelled like the instance's, created and removed with it.
 */
final class TopologyNetworks {

    private TopologyNetworks() {
    }

    /** The networks beyond the instance's own that its services join, in declaration order. */
    static Set<String> extra(TopologySpec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (ServiceSpec service : spec.services()) {
            service.networks().stream().filter(n -> !ServiceSpec.DEFAULT_NETWORK.equals(n)).forEach(names::add);
        }
        return names;
    }
}
