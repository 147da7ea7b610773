package dev.flotilla;

import java.util.List;

import dev.flotilla.engine.TopologyEngine;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;

/**
 * A validated topology, ready to start any number of times. Two definitions are equal when they
 * declare the same services, however they were written (annotations or code).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TopologyDefinition {

    private final TopologySpec spec;

    TopologyDefinition(TopologySpec spec) {
        this.spec = spec;
    }

    /** The topology's name. */
    public String name() {
        return spec.name();
    }

    /** The services' names, in declaration order. */
    public List<String> serviceNames() {
        return spec.services().stream().map(ServiceSpec::name).toList();
    }

    /** For each service, the names of the services it depends on, in declaration order. */
    public List<String> dependenciesOf(String serviceName) {
        return spec.service(serviceName)
                .map(ServiceSpec::dependsOn)
                .orElseThrow(() -> new IllegalArgumentException("Topology \"" + spec.name() + "\" has no service \"" + serviceName + "\""));
    }

    /** The image of a service. */
    public String imageOf(String serviceName) {
        return spec.service(serviceName)
                .map(ServiceSpec::image)
                .orElseThrow(() -> new IllegalArgumentException("Topology \"" + spec.name() + "\" has no service \"" + serviceName + "\""));
    }

    /**
     * Starts a new instance: pulls missing images, creates the network, starts every service in
     * dependency order and waits until all are ready. Close the result to remove everything.
     *
     * @throws ServiceStartException if a service fails to start or become ready; nothing is left behind
     * @throws DockerUnavailableException if no Docker engine answers
     */
    public RunningTopology start() {
        return TopologyEngine.start(spec);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopologyDefinition definition && definition.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return "TopologyDefinition[" + spec.name() + ", services " + serviceNames() + "]";
    }
}
