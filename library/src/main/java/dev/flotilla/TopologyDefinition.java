package dev.flotilla;

import java.util.ArrayList;
import java.util.List;

import dev.flotilla.engine.TopologyEngine;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.SpecOrigin;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.model.TopologyValidator;
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

    /**
     * The topology's name.
     *
     * @return the topology's name
     */
    public String name() {
        return spec.name();
    }

    /**
     * The services' names, in declaration order.
     *
     * @return the service names, those of compose files first
     */
    public List<String> serviceNames() {
        return spec.services().stream().map(ServiceSpec::name).toList();
    }

    /**
     * For each service, the names of the services it depends on, in declaration order.
     *
     * @param serviceName the name of a service of the topology
     * @return the names of the services it depends on directly; empty if none
     * @throws IllegalArgumentException if the topology has no service of that name
     */
    public List<String> dependenciesOf(String serviceName) {
        return spec.service(serviceName)
                .map(ServiceSpec::dependsOn)
                .orElseThrow(() -> new IllegalArgumentException("Topology \"" + spec.name() + "\" has no service \"" + serviceName + "\""));
    }

    /**
     * The image of a service; empty for a {@link JavaApp} service, whose image is built at start.
     *
     * @param serviceName the name of a service of the topology
     * @return the image reference as declared; empty too for a service built from a Dockerfile or made by a container
     *     factory
     * @throws IllegalArgumentException if the topology has no service of that name
     */
    public String imageOf(String serviceName) {
        return spec.service(serviceName)
                .map(ServiceSpec::image)
                .orElseThrow(() -> new IllegalArgumentException("Topology \"" + spec.name() + "\" has no service \"" + serviceName + "\""));
    }

    /**
     * The container ports a service publishes, on random host ports first, then on fixed ones.
     *
     * @param serviceName the name of a service of the topology
     * @return the container ports
     * @throws IllegalArgumentException if the topology has no service of that name
     */
    public List<Integer> portsOf(String serviceName) {
        return service(serviceName).allContainerPorts();
    }

    /**
     * A copy of this definition in which {@code serviceName} publishes {@code containerPort} on the
     * fixed {@code hostPort} instead of a random one: for a stable URL outside tests, such as a
     * local launcher. Tests should keep random ports, which cannot collide.
     *
     * @param serviceName the name of a service of the topology
     * @param containerPort one of the service's container ports published on a random host port
     * @param hostPort the host port to publish it on instead
     * @return the changed copy; this definition stays as it is
     * @throws IllegalArgumentException if the service does not publish {@code containerPort} on a random port
     * @throws FlotillaConfigurationException if {@code hostPort} is not a port
     */
    public TopologyDefinition withFixedPort(String serviceName, int containerPort, int hostPort) {
        ServiceSpec s = service(serviceName);
        if (!s.ports().contains(containerPort)) {
            throw new IllegalArgumentException("Service \"" + serviceName + "\" of topology \"" + spec.name()
                    + "\" publishes no container port " + containerPort + " on a random host port (its ports: " + s.ports()
                    + "). Fix: name one of those ports.");
        }
        List<FixedPort> fixed = new ArrayList<>(s.fixedPorts());
        fixed.add(new FixedPort(hostPort, containerPort));
        ServiceSpec changed = s.toBuilder()
                .ports(s.ports().stream().filter(p -> p != containerPort).toList())
                .fixedPorts(fixed)
                .build();
        TopologySpec copy = new TopologySpec(spec.name(), spec.pullPolicy(),
                spec.services().stream().map(other -> other.name().equals(serviceName) ? changed : other).toList(), spec.reuse(),
                spec.proxiedLinks());
        TopologyValidator.validate(copy, SpecOrigin.code(spec.name()));
        return new TopologyDefinition(copy);
    }

    private ServiceSpec service(String serviceName) {
        return spec.service(serviceName)
                .orElseThrow(() -> new IllegalArgumentException("Topology \"" + spec.name() + "\" has no service \"" + serviceName
                        + "\"; its services are " + serviceNames() + "."));
    }

    /**
     * Starts a new instance: pulls missing images, creates the network, starts every service in
     * dependency order and waits until all are ready. Close the result to remove everything.
     *
     * @return the running topology, to close when done
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
