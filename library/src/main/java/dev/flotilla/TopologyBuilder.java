package dev.flotilla;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.flotilla.model.ContainerFactorySpec;
import dev.flotilla.model.LinkSpec;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.SpecOrigin;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.model.TopologyValidator;
import dev.flotilla.resolve.compose.ComposeProject;
import dev.flotilla.resolve.compose.ComposeServices;
import dev.flotilla.resolve.compose.ComposeSource;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;

/** Builds a {@link TopologyDefinition} in code; get one from {@link Flotilla#topology(String)}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TopologyBuilder {

    private final String name;
    private final List<ServiceBuilder> services = new ArrayList<>();
    private PullPolicy pullPolicy = PullPolicy.DEFAULT;
    private boolean reuse;
    private final List<LinkSpec> proxiedLinks = new ArrayList<>();
    private final List<Path> composeFiles = new ArrayList<>();
    private final Set<String> composeProfiles = new LinkedHashSet<>();
    private boolean composeRandomHostPorts;

    TopologyBuilder(String name) {
        this.name = name;
    }

    /**
     * When images are pulled; {@link PullPolicy#DEFAULT} unless set.
     *
     * @param policy the pull policy; {@link PullPolicy#DEFAULT} defers to the {@code flotilla.pull.policy} setting
     * @return this builder
     */
    public TopologyBuilder pull(PullPolicy policy) {
        this.pullPolicy = policy;
        return this;
    }

    /**
     * Whether a running instance may be kept for later runs; see {@link Topology#reuse()}.
     *
     * @param reusable {@code true} to let an instance outlive the run where reuse is switched on globally
     * @return this builder
     */
    public TopologyBuilder reuse(boolean reusable) {
        this.reuse = reusable;
        return this;
    }

    /**
     * Adds a service with no further settings.
     *
     * @param serviceName the service's name, unique in the topology
     * @param image the image reference, such as {@code "redis:7"}
     * @return this builder
     */
    public TopologyBuilder service(String serviceName, String image) {
        return service(serviceName, image, s -> { });
    }

    /**
     * Adds a service and configures it.
     *
     * @param serviceName the service's name, unique in the topology
     * @param image the image reference, such as {@code "redis:7"}
     * @param configuration configures the service; called once, at once
     * @return this builder
     */
    public TopologyBuilder service(String serviceName, String image, Consumer<ServiceBuilder> configuration) {
        ServiceBuilder service = new ServiceBuilder(serviceName, image);
        configuration.accept(service);
        services.add(service);
        return this;
    }

    /**
     * Adds a service whose image Flotilla builds, such as a {@link ServiceBuilder#javaApp(String) Java application}:
     * {@code .service("orders", s -> s.javaApp("com.example.OrdersApp").ports(8080))}.
     *
     * @param serviceName the service's name, unique in the topology
     * @param configuration configures the service and says how its image is made ({@link
     *     ServiceBuilder#javaApp(String)}, {@link ServiceBuilder#dockerfile(String)}); called once, at once
     * @return this builder
     */
    public TopologyBuilder service(String serviceName, Consumer<ServiceBuilder> configuration) {
        return service(serviceName, "", configuration);
    }

    /**
     * Adds a service run from a Testcontainers container object that {@code factory} makes (a
     * module such as {@code () -> new PostgreSQLContainer<>("postgres:15")}); see {@link Service#factory()}.
     *
     * @param serviceName the service's name, unique in the topology
     * @param factory makes the service's container object when the service starts; Flotilla configures and starts
     *     the object
     * @return this builder
     */
    public TopologyBuilder container(String serviceName, Supplier<? extends GenericContainer<?>> factory) {
        return container(serviceName, factory, s -> { });
    }

    /**
     * Like {@link #container(String, Supplier)}, with dependencies, aliases or labels.
     *
     * @param serviceName the service's name, unique in the topology
     * @param factory makes the service's container object when the service starts; Flotilla configures and starts
     *     the object
     * @param configuration configures the service; called once, at once
     * @return this builder
     */
    public TopologyBuilder container(String serviceName, Supplier<? extends GenericContainer<?>> factory, Consumer<ServiceBuilder> configuration) {
        return service(serviceName, "", s -> {
            s.factory(new ContainerFactorySpec("container factory of service \"" + serviceName + "\" (" + factory + ")", factory));
            configuration.accept(s);
        });
    }

    /**
     * Places the fault proxy on the link from {@code client} to {@code server}; see {@link ProxiedLink}.
     *
     * @param client the name of the service that connects
     * @param server the name of the service it connects to
     * @return this builder
     */
    public TopologyBuilder proxiedLink(String client, String server) {
        proxiedLinks.add(new LinkSpec(client, server));
        return this;
    }

    /**
     * Adds the services of compose files, as {@link ComposeFile @ComposeFile} does: merged in
     * order, relative to the working directory. May be called again to add more files.
     *
     * @param files the compose files' paths; added after those of earlier calls
     * @return this builder
     */
    public TopologyBuilder composeFile(String... files) {
        Arrays.stream(files).map(Path::of).forEach(composeFiles::add);
        return this;
    }

    /**
     * Activates compose profiles: services of the compose files with {@code profiles} run only if one of theirs is active.
     *
     * @param profiles the names of the profiles; added to those of earlier calls
     * @return this builder
     */
    public TopologyBuilder composeProfiles(String... profiles) {
        composeProfiles.addAll(List.of(profiles));
        return this;
    }

    /**
     * Publishes every port of the compose files' services on a random host port, whatever host port they name.
     *
     * @return this builder
     */
    public TopologyBuilder composeRandomHostPorts() {
        this.composeRandomHostPorts = true;
        return this;
    }

    /**
     * Reads the compose files, if any, and validates the whole topology before anything starts.
     *
     * @return the topology, ready to {@link TopologyDefinition#start() start} any number of times
     * @throws FlotillaConfigurationException naming every problem found
     */
    public TopologyDefinition build() {
        List<ServiceSpec> specs = new ArrayList<>();
        SpecOrigin origin = SpecOrigin.code(name);
        if (!composeFiles.isEmpty()) {
            ComposeServices compose = ComposeProject.read(new ComposeSource(composeFiles, composeProfiles, composeRandomHostPorts));
            specs.addAll(compose.services());
            origin = SpecOrigin.composeFile(origin, compose.declaredAt());
        }
        services.stream().map(ServiceBuilder::toSpec).forEach(specs::add);
        TopologySpec spec = new TopologySpec(name, pullPolicy, specs, reuse, proxiedLinks);
        TopologyValidator.validate(spec, origin);
        return new TopologyDefinition(spec);
    }
}
