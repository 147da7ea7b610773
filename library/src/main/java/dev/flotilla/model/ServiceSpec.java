package dev.flotilla.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.apiguardian.api.API;

/**
 * One service of a topology, as declared. Build one with {@link #builder(String)}, by named
 * parts; a changed copy with {@link #toBuilder()}.
 *
 * @param name unique name in the topology, also a network alias
 * @param image image reference; empty for a {@code javaApp}, whose image is built
 * @param ports container ports published on random host ports
 * @param fixedPorts container ports published on fixed host ports
 * @param env environment variables
 * @param secrets environment variables whose values are secret: handed to the container without
 *     showing in its Docker configuration, and masked wherever Flotilla prints anything
 * @param command command replacing the image's CMD; empty keeps it
 * @param entrypoint entry point replacing the image's ENTRYPOINT; empty keeps it
 * @param dependsOn names of services that must be ready first
 * @param aliases further network aliases
 * @param waitFor readiness conditions, all of which must hold; empty means the default
 * @param startupTimeout how long the service may take from start to ready
 * @param memoryBytes memory limit in bytes, 0 for none
 * @param files files copied in before start
 * @param labels extra container labels
 * @param bindAddress host address published ports bind to; empty lets the engine choose (loopback
 *     where the Docker engine runs on this machine, every interface of a remote engine's host)
 * @param javaApp the Java main class to run in a built image, instead of {@code image}
 * @param build the Dockerfile to build the image from, instead of {@code image}
 * @param container the factory of a Testcontainers container object to run instead of {@code image}
 * @param job whether the service is a one-shot job: ready once it has exited with 0, its
 *     dependents starting only then; any other exit fails the start
 * @param mounts bind mounts, volumes and tmpfs mounted into the container
 * @param user the user (name or uid[:gid]) the container's process runs as; empty for the image's
 * @param workingDir the working directory of the container's process; empty for the image's
 * @param extraHosts {@code /etc/hosts} entries, each {@code name:address}
 * @param healthcheck a health check replacing the image's; empty keeps the image's
 * @param networks the topology's networks the service joins, the first one at creation; empty for
 *     the topology's own network alone, which is named {@value #DEFAULT_NETWORK} among them
 * @param replicas how many containers run the service, each answering to its name and aliases
 * @param snapshot whether the service's state, once the one-shot jobs that depend on it have
 *     prepared it, is kept as an image that later starts begin from, without running those jobs
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ServiceSpec(
        String name,
        String image,
        List<Integer> ports,
        List<FixedPort> fixedPorts,
        Map<String, String> env,
        Map<String, Secret> secrets,
        List<String> command,
        List<String> entrypoint,
        List<String> dependsOn,
        List<String> aliases,
        List<WaitSpec> waitFor,
        Duration startupTimeout,
        long memoryBytes,
        List<FileCopy> files,
        Map<String, String> labels,
        Optional<String> bindAddress,
        Optional<JavaAppSpec> javaApp,
        Optional<DockerBuildSpec> build,
        Optional<ContainerFactorySpec> container,
        boolean job,
        List<VolumeMount> mounts,
        Optional<String> user,
        Optional<String> workingDir,
        List<String> extraHosts,
        Optional<HealthCheckSpec> healthcheck,
        List<String> networks,
        int replicas,
        boolean snapshot) {

    /** The name, among a service's {@link #networks()}, of the network every topology instance has. */
    public static final String DEFAULT_NETWORK = "default";

    /** How long a service may take from start to ready unless it says otherwise. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        ports = List.copyOf(ports);
        fixedPorts = List.copyOf(fixedPorts);
        // Sorted copies: equal declarations compare equal and print the same, whatever their order.
        env = Collections.unmodifiableMap(new TreeMap<>(env));
        secrets = Collections.unmodifiableMap(new TreeMap<>(secrets));
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        dependsOn = List.copyOf(dependsOn);
        aliases = List.copyOf(aliases);
        waitFor = List.copyOf(waitFor);
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        files = List.copyOf(files);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        bindAddress = Objects.requireNonNull(bindAddress, "bindAddress").filter(a -> !a.isBlank());
        javaApp = Objects.requireNonNull(javaApp, "javaApp");
        build = Objects.requireNonNull(build, "build");
        container = Objects.requireNonNull(container, "container");
        mounts = List.copyOf(mounts);
        user = Objects.requireNonNull(user, "user").filter(u -> !u.isBlank());
        workingDir = Objects.requireNonNull(workingDir, "workingDir").filter(d -> !d.isBlank());
        extraHosts = List.copyOf(extraHosts);
        healthcheck = Objects.requireNonNull(healthcheck, "healthcheck");
        networks = List.copyOf(networks);
    }

    /** The networks the service joins: {@link #networks()}, or the topology's own network alone. */
    public List<String> joinedNetworks() {
        return networks.isEmpty() ? List.of(DEFAULT_NETWORK) : networks;
    }

    /** A builder for a service named {@code name}, with every part at its default. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding every part of this service, for a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(name).image(image).ports(ports).fixedPorts(fixedPorts).command(command).entrypoint(entrypoint)
                .dependsOn(dependsOn).aliases(aliases).waitFor(waitFor).startupTimeout(startupTimeout).memoryBytes(memoryBytes)
                .files(files).bindAddress(bindAddress).javaApp(javaApp).build(build).container(container).job(job)
                .mounts(mounts).user(user).workingDir(workingDir).extraHosts(extraHosts).healthcheck(healthcheck)
                .networks(networks).replicas(replicas).snapshot(snapshot);
        env.forEach(builder::env);
        secrets.forEach(builder::secret);
        labels.forEach(builder::label);
        return builder;
    }

    /** Every container port this service publishes, random and fixed, in declaration order. */
    public List<Integer> allContainerPorts() {
        return containerPorts(ports, fixedPorts);
    }

    /**
     * The container ports of {@code ports} (published on random host ports) and {@code fixedPorts}, in
     * that order: {@link #allContainerPorts()}, for a resolver that has not built the spec yet.
     *
     * @param ports container ports published on random host ports
     * @param fixedPorts ports published on fixed host ports
     * @return every container port, random first
     */
    public static List<Integer> containerPorts(List<Integer> ports, List<FixedPort> fixedPorts) {
        List<Integer> all = new ArrayList<>(ports);
        fixedPorts.forEach(f -> all.add(f.containerPort()));
        return all;
    }

    /** The secret values, for masking them in anything printed. */
    public List<String> secretValues() {
        return secrets.values().stream().map(Secret::value).filter(v -> !v.isEmpty()).toList();
    }

    /** The service's name followed by its aliases. */
    public List<String> networkAliases() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    /** Builds a {@link ServiceSpec} by named parts; each call replaces that part (a map entry, for env, secrets and labels). */
    public static final class Builder {

        private final String name;
        private String image = "";
        private final List<Integer> ports = new ArrayList<>();
        private final List<FixedPort> fixedPorts = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, Secret> secrets = new LinkedHashMap<>();
        private final List<String> command = new ArrayList<>();
        private final List<String> entrypoint = new ArrayList<>();
        private final List<String> dependsOn = new ArrayList<>();
        private final List<String> aliases = new ArrayList<>();
        private final List<WaitSpec> waitFor = new ArrayList<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private long memoryBytes;
        private final List<FileCopy> files = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Optional<String> bindAddress = Optional.empty();
        private Optional<JavaAppSpec> javaApp = Optional.empty();
        private Optional<DockerBuildSpec> build = Optional.empty();
        private Optional<ContainerFactorySpec> container = Optional.empty();
        private boolean job;
        private final List<VolumeMount> mounts = new ArrayList<>();
        private Optional<String> user = Optional.empty();
        private Optional<String> workingDir = Optional.empty();
        private final List<String> extraHosts = new ArrayList<>();
        private Optional<HealthCheckSpec> healthcheck = Optional.empty();
        private final List<String> networks = new ArrayList<>();
        private int replicas = 1;
        private boolean snapshot;

        private Builder(String name) {
            this.name = name;
        }

        /** The image reference. */
        public Builder image(String reference) {
            this.image = reference;
            return this;
        }

        /** The container ports published on random host ports. */
        public Builder ports(List<Integer> containerPorts) {
            ports.clear();
            ports.addAll(containerPorts);
            return this;
        }

        /** The container ports published on fixed host ports. */
        public Builder fixedPorts(List<FixedPort> fixed) {
            fixedPorts.clear();
            fixedPorts.addAll(fixed);
            return this;
        }

        /** Sets an environment variable. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** Sets a secret environment variable. */
        public Builder secret(String key, Secret value) {
            secrets.put(key, value);
            return this;
        }

        /** Replaces the command. */
        public Builder command(List<String> arguments) {
            command.clear();
            command.addAll(arguments);
            return this;
        }

        /** Replaces the entry point. */
        public Builder entrypoint(List<String> arguments) {
            entrypoint.clear();
            entrypoint.addAll(arguments);
            return this;
        }

        /** The services that must be ready first. */
        public Builder dependsOn(List<String> serviceNames) {
            dependsOn.clear();
            dependsOn.addAll(serviceNames);
            return this;
        }

        /** The further network aliases. */
        public Builder aliases(List<String> networkAliases) {
            aliases.clear();
            aliases.addAll(networkAliases);
            return this;
        }

        /** The readiness conditions. */
        public Builder waitFor(List<WaitSpec> conditions) {
            waitFor.clear();
            waitFor.addAll(conditions);
            return this;
        }

        /** How long the service may take from start to ready. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** The memory limit in bytes; 0 for none. */
        public Builder memoryBytes(long bytes) {
            this.memoryBytes = bytes;
            return this;
        }

        /** The files copied in before start. */
        public Builder files(List<FileCopy> copies) {
            files.clear();
            files.addAll(copies);
            return this;
        }

        /** Sets a container label. */
        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** The host address published ports bind to; empty lets the engine choose. */
        public Builder bindAddress(Optional<String> address) {
            this.bindAddress = address;
            return this;
        }

        /** The Java application to run instead of an image. */
        public Builder javaApp(Optional<JavaAppSpec> app) {
            this.javaApp = app;
            return this;
        }

        /** The Dockerfile to build the image from, instead of an image. */
        public Builder build(Optional<DockerBuildSpec> dockerBuild) {
            this.build = dockerBuild;
            return this;
        }

        /** The factory of a Testcontainers container object to run instead of an image. */
        public Builder container(Optional<ContainerFactorySpec> factory) {
            this.container = factory;
            return this;
        }

        /** Whether the service is a one-shot job, ready once it exited with 0. */
        public Builder job(boolean oneShot) {
            this.job = oneShot;
            return this;
        }

        /** The bind mounts, volumes and tmpfs mounted into the container. */
        public Builder mounts(List<VolumeMount> storage) {
            mounts.clear();
            mounts.addAll(storage);
            return this;
        }

        /** The user the container's process runs as; empty for the image's. */
        public Builder user(Optional<String> userOrUid) {
            this.user = userOrUid;
            return this;
        }

        /** The working directory of the container's process; empty for the image's. */
        public Builder workingDir(Optional<String> directory) {
            this.workingDir = directory;
            return this;
        }

        /** The {@code /etc/hosts} entries, each {@code name:address}. */
        public Builder extraHosts(List<String> entries) {
            extraHosts.clear();
            extraHosts.addAll(entries);
            return this;
        }

        /** The health check replacing the image's; empty keeps the image's. */
        public Builder healthcheck(Optional<HealthCheckSpec> check) {
            this.healthcheck = check;
            return this;
        }

        /** The topology's networks the service joins; empty for the topology's own network alone. */
        public Builder networks(List<String> names) {
            networks.clear();
            networks.addAll(names);
            return this;
        }

        /** How many containers run the service; 1 unless set. */
        public Builder replicas(int count) {
            this.replicas = count;
            return this;
        }

        /** Whether the service's prepared state is kept as an image for later starts. */
        public Builder snapshot(boolean keep) {
            this.snapshot = keep;
            return this;
        }

        /** The service; not validated here (see {@link TopologyValidator}). */
        public ServiceSpec build() {
            return new ServiceSpec(name, image, ports, fixedPorts, env, secrets, command, entrypoint, dependsOn, aliases, waitFor,
                    startupTimeout, memoryBytes, files, labels, bindAddress, javaApp, build, container, job, mounts, user, workingDir,
                    extraHosts, healthcheck, networks, replicas, snapshot);
        }
    }
}
