package dev.flotilla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.flotilla.model.FileCopy;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.Secret;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.Values;
import dev.flotilla.model.WaitSpec;
import org.apiguardian.api.API;

/**
 * Configures one service of a {@link TopologyBuilder}; each method mirrors an attribute of
 * {@link Service @Service} and {@link WaitFor @WaitFor}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ServiceBuilder {

    private final String name;
    private final String image;
    private final List<Integer> ports = new ArrayList<>();
    private final List<FixedPort> fixedPorts = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final List<String> command = new ArrayList<>();
    private final List<String> entrypoint = new ArrayList<>();
    private final List<String> dependsOn = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    // Conditions are completed with the startup timeout at build time, whatever order the calls came in.
    private final List<Function<Duration, WaitSpec>> waits = new ArrayList<>();
    private final List<FileCopy> files = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(60);
    private long memoryBytes;
    private String bindAddress = "127.0.0.1";

    ServiceBuilder(String name, String image) {
        this.name = name;
        this.image = image;
    }

    /** Container ports to publish on random host ports. */
    public ServiceBuilder ports(int... containerPorts) {
        for (int port : containerPorts) {
            ports.add(port);
        }
        return this;
    }

    /** Publishes a container port on a fixed host port. */
    public ServiceBuilder fixedPort(int hostPort, int containerPort) {
        fixedPorts.add(new FixedPort(hostPort, containerPort));
        return this;
    }

    /** Sets an environment variable. */
    public ServiceBuilder env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /**
     * Sets an environment variable whose value is secret: it never shows in the container's
     * Docker configuration, and is masked in everything Flotilla prints. See {@link Service#secrets()}.
     */
    public ServiceBuilder secret(String key, String value) {
        secrets.put(key, new Secret(value));
        return this;
    }

    /** Replaces the image's command. */
    public ServiceBuilder command(String... arguments) {
        command.clear();
        command.addAll(List.of(arguments));
        return this;
    }

    /** Replaces the image's entry point. */
    public ServiceBuilder entrypoint(String... arguments) {
        entrypoint.clear();
        entrypoint.addAll(List.of(arguments));
        return this;
    }

    /** Services that must be ready before this one starts. */
    public ServiceBuilder dependsOn(String... serviceNames) {
        dependsOn.addAll(List.of(serviceNames));
        return this;
    }

    /** Further network aliases. */
    public ServiceBuilder aliases(String... networkAliases) {
        aliases.addAll(List.of(networkAliases));
        return this;
    }

    /** Ready when these container ports (or, with none given, all declared ports) accept connections. */
    public ServiceBuilder waitForPorts(int... containerPorts) {
        List<Integer> list = new ArrayList<>();
        for (int port : containerPorts) {
            list.add(port);
        }
        waits.add(timeout -> new WaitSpec.Ports(list, timeout));
        return this;
    }

    /** Ready when an HTTP GET of {@code path} on {@code containerPort} answers {@code status}. */
    public ServiceBuilder waitForHttp(int containerPort, String path, int status) {
        waits.add(timeout -> new WaitSpec.Http(containerPort, path, status, timeout));
        return this;
    }

    /** Ready when {@code times} log lines contain a match of {@code regex}. */
    public ServiceBuilder waitForLog(String regex, int times) {
        waits.add(timeout -> new WaitSpec.Log(regex, times, timeout));
        return this;
    }

    /** Ready when the image's Docker healthcheck reports healthy. */
    public ServiceBuilder waitForHealthcheck() {
        waits.add(WaitSpec.Healthcheck::new);
        return this;
    }

    /** Ready when the command, run in the container, exits with 0. */
    public ServiceBuilder waitForCommand(String... commandLine) {
        List<String> list = List.of(commandLine);
        waits.add(timeout -> new WaitSpec.Command(list, timeout));
        return this;
    }

    /** How long the service may take from start to ready; 60 seconds unless set. */
    public ServiceBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    /**
     * Memory limit, such as {@code "256m"}.
     *
     * @throws FlotillaConfigurationException if it is not a memory size
     */
    public ServiceBuilder memory(String size) {
        this.memoryBytes = Values.parseMemory(size).orElseThrow(() -> new FlotillaConfigurationException(
                "service \"" + name + "\" memory: \"" + size + "\" is not a memory size. Fix: write a size such as \"256m\" or \"1g\"."));
        return this;
    }

    /** Copies a file ({@code classpath:...} or a path) into the container before it starts. */
    public ServiceBuilder copyFile(String source, String target, int mode) {
        files.add(new FileCopy(source, target, mode));
        return this;
    }

    /** Adds a container label. */
    public ServiceBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    /** The host address published ports bind to; {@code 127.0.0.1} unless set. */
    public ServiceBuilder bindAddress(String address) {
        this.bindAddress = address;
        return this;
    }

    ServiceSpec toSpec() {
        return new ServiceSpec(name, image, ports, fixedPorts, env, secrets, command, entrypoint, dependsOn, aliases,
                waits.stream().map(w -> w.apply(startupTimeout)).toList(), startupTimeout, memoryBytes, files, labels, bindAddress);
    }
}
