package dev.flotilla;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.flotilla.model.ContainerFactorySpec;
import dev.flotilla.model.DockerBuildSpec;
import dev.flotilla.model.FileCopy;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.Secret;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.Values;
import dev.flotilla.model.VolumeMount;
import dev.flotilla.model.WaitSpec;
import org.apiguardian.api.API;

/**
 * Configures one service of a {@link TopologyBuilder}; each method mirrors an attribute of
 * {@link Service @Service} and {@link WaitFor @WaitFor}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ServiceBuilder {

    private final String name;
    private final ServiceSpec.Builder spec;
    private DockerBuildSpec dockerBuild;
    // Conditions are completed with the startup timeout at build time, whatever order the calls came in.
    private final List<Function<Duration, WaitSpec>> waits = new ArrayList<>();
    private Duration startupTimeout = ServiceSpec.DEFAULT_STARTUP_TIMEOUT;
    // The parts that each call adds to, rather than replaces.
    private final List<Integer> ports = new ArrayList<>();
    private final List<FixedPort> fixedPorts = new ArrayList<>();
    private final List<String> dependsOn = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    private final List<FileCopy> files = new ArrayList<>();
    private final List<VolumeMount> mounts = new ArrayList<>();
    private final List<String> extraHosts = new ArrayList<>();

    ServiceBuilder(String name, String image) {
        this.name = name;
        this.spec = ServiceSpec.builder(name).image(image);
    }

    /**
     * Container ports to publish on random host ports.
     *
     * @param containerPorts the container ports (TCP); added to those of earlier calls
     * @return this builder
     */
    public ServiceBuilder ports(int... containerPorts) {
        ports.addAll(Arrays.stream(containerPorts).boxed().toList());
        return this;
    }

    /**
     * Publishes a container port on a fixed host port.
     *
     * @param hostPort the port on the host; collides with whatever else uses it, including a parallel run
     * @param containerPort the port inside the container
     * @return this builder
     */
    public ServiceBuilder fixedPort(int hostPort, int containerPort) {
        fixedPorts.add(new FixedPort(hostPort, containerPort));
        return this;
    }

    /**
     * Sets an environment variable.
     *
     * @param key the variable's name; a second call with the same name replaces the value
     * @param value the variable's value
     * @return this builder
     */
    public ServiceBuilder env(String key, String value) {
        spec.env(key, value);
        return this;
    }

    /**
     * Sets an environment variable whose value is secret: it never shows in the container's
     * Docker configuration, and is masked in everything Flotilla prints. See {@link Service#secrets()}.
     *
     * @param key the variable's name; a second call with the same name replaces the value
     * @param value the secret value itself (not a {@code ${NAME}} reference)
     * @return this builder
     */
    public ServiceBuilder secret(String key, String value) {
        spec.secret(key, new Secret(value));
        return this;
    }

    /**
     * Replaces the image's command.
     *
     * @param arguments the command and its arguments, one argument each; replaces those of an earlier call
     * @return this builder
     */
    public ServiceBuilder command(String... arguments) {
        spec.command(List.of(arguments));
        return this;
    }

    /**
     * Replaces the image's entry point.
     *
     * @param arguments the entry point and its arguments, one argument each
     * @return this builder
     */
    public ServiceBuilder entrypoint(String... arguments) {
        spec.entrypoint(List.of(arguments));
        return this;
    }

    /**
     * Services that must be ready before this one starts.
     *
     * @param serviceNames the names of those services; added to those of earlier calls
     * @return this builder
     */
    public ServiceBuilder dependsOn(String... serviceNames) {
        dependsOn.addAll(List.of(serviceNames));
        return this;
    }

    /**
     * Further network aliases.
     *
     * @param networkAliases names the service also answers to on its networks, besides its own; added to those of
     *     earlier calls
     * @return this builder
     */
    public ServiceBuilder aliases(String... networkAliases) {
        aliases.addAll(List.of(networkAliases));
        return this;
    }

    /**
     * Ready when these container ports (or, with none given, all declared ports) accept connections.
     *
     * @param containerPorts the container ports to check; none for every declared port
     * @return this builder
     */
    public ServiceBuilder waitForPorts(int... containerPorts) {
        List<Integer> list = Arrays.stream(containerPorts).boxed().toList();
        waits.add(timeout -> new WaitSpec.Ports(list, timeout));
        return this;
    }

    /**
     * Ready when an HTTP GET of {@code path} on {@code containerPort} answers {@code status}.
     *
     * @param containerPort the container port to request; 0 for the only declared port
     * @param path the request path, such as {@code "/health"}
     * @param status the HTTP status that counts as ready
     * @return this builder
     */
    public ServiceBuilder waitForHttp(int containerPort, String path, int status) {
        waits.add(timeout -> new WaitSpec.Http(containerPort, path, status, timeout));
        return this;
    }

    /**
     * Ready when {@code times} log lines contain a match of {@code regex}.
     *
     * @param regex the regular expression; a line matches when it contains a match
     * @param times how many matching lines are needed
     * @return this builder
     */
    public ServiceBuilder waitForLog(String regex, int times) {
        waits.add(timeout -> new WaitSpec.Log(regex, times, timeout));
        return this;
    }

    /**
     * Ready when the image's Docker healthcheck reports healthy; where the service declares no
     * ports, also when something listens inside the container on a port the image exposes, as
     * {@link WaitFor#exposedPorts()} describes.
     *
     * @return this builder
     */
    public ServiceBuilder waitForHealthcheck() {
        return waitForHealthcheck(true);
    }

    /**
     * Ready when the image's Docker healthcheck reports healthy; with {@code exposedPorts} false,
     * that alone, even where the service declares no ports ({@link WaitFor#exposedPorts()}).
     *
     * @param exposedPorts whether, where the service declares no ports, a port the image exposes must be listened on too
     * @return this builder
     */
    public ServiceBuilder waitForHealthcheck(boolean exposedPorts) {
        waits.add(timeout -> WaitSpec.Healthcheck.of(timeout, ServiceSpec.containerPorts(ports, fixedPorts), exposedPorts));
        return this;
    }

    /**
     * Ready when the command, run in the container, exits with 0.
     *
     * @param commandLine the command and its arguments, one argument each
     * @return this builder
     */
    public ServiceBuilder waitForCommand(String... commandLine) {
        List<String> list = List.of(commandLine);
        waits.add(timeout -> new WaitSpec.Command(list, timeout));
        return this;
    }

    /**
     * How long the service may take from start to ready; 60 seconds unless set.
     *
     * @param timeout the time from start to ready; it also bounds each wait condition, whatever order the calls came in
     * @return this builder
     */
    public ServiceBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    /**
     * Memory limit, such as {@code "256m"}.
     *
     * @param size the limit, such as {@code "256m"}, {@code "1g"}, {@code "512k"} or a number of bytes
     * @return this builder
     * @throws FlotillaConfigurationException if it is not a memory size
     */
    public ServiceBuilder memory(String size) {
        spec.memoryBytes(Values.parseMemory(size).orElseThrow(() -> new FlotillaConfigurationException(
                "service \"" + name + "\" memory: \"" + size + "\" is not a memory size. Fix: write a size such as \"256m\" or \"1g\".")));
        return this;
    }

    /**
     * Copies a file ({@code classpath:...} or a path) into the container before it starts.
     *
     * @param source {@code "classpath:path/in/classpath"} or a path on the file system
     * @param target the absolute path of the file inside the container
     * @param mode the file's Unix permissions, such as {@code 0644}
     * @return this builder
     */
    public ServiceBuilder copyFile(String source, String target, int mode) {
        files.add(new FileCopy(source, target, mode));
        return this;
    }

    /**
     * Mounts a volume of the topology, named {@code volume}, at {@code target}: each topology instance
     * has its own Docker volume of that name, created with it and removed with it; services that
     * mount the same name share it.
     *
     * @param volume the volume's name within the topology
     * @param target the absolute path inside the container
     * @return this builder
     */
    public ServiceBuilder volume(String volume, String target) {
        mounts.add(new VolumeMount(VolumeMount.Type.VOLUME, volume, target, false, 0));
        return this;
    }

    /**
     * Mounts a file or directory of this machine at {@code target}, read-only if {@code readOnly}.
     * On an engine that does not share this machine's files (a remote one), it is copied in before
     * the container starts instead.
     *
     * @param hostPath the file or directory on this machine; relative to the working directory unless absolute
     * @param target the absolute path inside the container
     * @param readOnly whether the container may only read it
     * @return this builder
     */
    public ServiceBuilder bind(String hostPath, String target, boolean readOnly) {
        mounts.add(new VolumeMount(VolumeMount.Type.BIND, Path.of(hostPath).toAbsolutePath().normalize().toString(), target, readOnly, 0));
        return this;
    }

    /**
     * Mounts memory-backed storage at {@code target}, for as long as the container lives.
     *
     * @param target the absolute path inside the container
     * @return this builder
     */
    public ServiceBuilder tmpfs(String target) {
        mounts.add(new VolumeMount(VolumeMount.Type.TMPFS, "", target, false, 0));
        return this;
    }

    /**
     * The user (a name, or {@code uid[:gid]}) the container's process runs as, instead of the image's.
     *
     * @param userOrUid a user name, or {@code uid[:gid]}
     * @return this builder
     */
    public ServiceBuilder user(String userOrUid) {
        spec.user(Optional.of(userOrUid));
        return this;
    }

    /**
     * The working directory of the container's process, instead of the image's.
     *
     * @param directory the absolute path of the directory inside the container
     * @return this builder
     */
    public ServiceBuilder workingDir(String directory) {
        spec.workingDir(Optional.of(directory));
        return this;
    }

    /**
     * Adds an {@code /etc/hosts} entry: {@code hostName} resolves to {@code address} in the container.
     *
     * @param hostName the host name to add
     * @param address the address it resolves to
     * @return this builder
     */
    public ServiceBuilder extraHost(String hostName, String address) {
        extraHosts.add(hostName + ":" + address);
        return this;
    }

    /**
     * The topology's networks the service joins, instead of the topology's own network alone
     * (named {@code "default"} here): services share a network only where they name the same one,
     * as in compose files. Each instance has its own Docker network of each name.
     *
     * @param names the names of the networks to join; replaces those of an earlier call
     * @return this builder
     */
    public ServiceBuilder networks(String... names) {
        spec.networks(List.of(names));
        return this;
    }

    /**
     * Keeps the service's state, once its one-shot jobs prepared it, as an image later starts begin from; see {@link Service#snapshot()}.
     *
     * @return this builder
     */
    public ServiceBuilder snapshot() {
        spec.snapshot(true);
        return this;
    }

    /**
     * Adds a container label.
     *
     * @param key the label's key; keys starting with {@code dev.flotilla.} are reserved
     * @param value the label's value
     * @return this builder
     */
    public ServiceBuilder label(String key, String value) {
        spec.label(key, value);
        return this;
    }

    /**
     * The host address published ports bind to; unless set, Flotilla chooses as described in {@link Service#bindAddress()}.
     *
     * @param address the host address, such as {@code "0.0.0.0"} or {@code "127.0.0.1"}
     * @return this builder
     */
    public ServiceBuilder bindAddress(String address) {
        spec.bindAddress(Optional.of(address));
        return this;
    }

    /**
     * Builds the service's image from the Dockerfile in {@code context} (a directory, relative to the
     * working directory unless absolute) instead of an image; see {@link Build @Build}. Add the
     * service with {@link TopologyBuilder#service(String, Consumer)}.
     *
     * @param context the build context's directory
     * @return this builder
     */
    public ServiceBuilder dockerfile(String context) {
        return dockerfile(context, DockerBuildSpec.DEFAULT_DOCKERFILE);
    }

    /**
     * Like {@link #dockerfile(String)}, with the Dockerfile's path inside the context.
     *
     * @param context the build context's directory
     * @param dockerfile the Dockerfile's path inside the context
     * @return this builder
     */
    public ServiceBuilder dockerfile(String context, String dockerfile) {
        dockerBuild = new DockerBuildSpec(context, dockerfile, Map.of(), Optional.empty());
        return applyBuild();
    }

    /**
     * A build argument of the {@link #dockerfile(String) Dockerfile} ({@code ARG name}).
     *
     * @param name the argument's name; a second call with the same name replaces the value
     * @param value the argument's value
     * @return this builder
     * @throws IllegalStateException if {@link #dockerfile(String)} was not called before
     */
    public ServiceBuilder buildArg(String name, String value) {
        Map<String, String> args = new LinkedHashMap<>(requireBuild("buildArg").args());
        args.put(name, value);
        dockerBuild = new DockerBuildSpec(dockerBuild.context(), dockerBuild.dockerfile(), args, dockerBuild.target());
        return applyBuild();
    }

    /**
     * The stage of a multi-stage {@link #dockerfile(String) Dockerfile} to build.
     *
     * @param stage the stage's name
     * @return this builder
     * @throws IllegalStateException if {@link #dockerfile(String)} was not called before
     */
    public ServiceBuilder buildTarget(String stage) {
        requireBuild("buildTarget");
        dockerBuild = new DockerBuildSpec(dockerBuild.context(), dockerBuild.dockerfile(), dockerBuild.args(), Optional.of(stage));
        return applyBuild();
    }

    private DockerBuildSpec requireBuild(String method) {
        if (dockerBuild == null) {
            throw new IllegalStateException(method + "(...) belongs to a Dockerfile build: call dockerfile(context) first");
        }
        return dockerBuild;
    }

    private ServiceBuilder applyBuild() {
        spec.build(Optional.of(dockerBuild));
        return this;
    }

    /** The container factory; set by {@link TopologyBuilder#container(String, java.util.function.Supplier)}. */
    ServiceBuilder factory(ContainerFactorySpec factory) {
        spec.container(Optional.of(factory));
        return this;
    }

    /**
     * Makes the service a one-shot job, ready once it exited with 0; see {@link Service#job()}.
     *
     * @return this builder
     */
    public ServiceBuilder job() {
        spec.job(true);
        return this;
    }

    /**
     * How many containers run the service, 1 unless set; see {@link Service#replicas()}.
     *
     * @param count the number of containers, 1 or more
     * @return this builder
     */
    public ServiceBuilder replicas(int count) {
        spec.replicas(count);
        return this;
    }

    /**
     * Runs {@code mainClass} in an image built from this JVM's class path, instead of an image;
     * see {@link JavaApp @JavaApp}. Add the service with {@link TopologyBuilder#service(String, Consumer)}.
     *
     * @param mainClass the binary name of the class with the {@code main} method
     * @return this builder
     */
    public ServiceBuilder javaApp(String mainClass) {
        return javaApp(mainClass, app -> { });
    }

    /**
     * Like {@link #javaApp(String)}, with class path globs, JVM arguments or another base image.
     *
     * @param mainClass the binary name of the class with the {@code main} method
     * @param configuration configures the application; called once, at once
     * @return this builder
     */
    public ServiceBuilder javaApp(String mainClass, Consumer<JavaAppBuilder> configuration) {
        JavaAppBuilder app = new JavaAppBuilder(mainClass);
        configuration.accept(app);
        spec.javaApp(Optional.of(app.toSpec()));
        return this;
    }

    ServiceSpec toSpec() {
        // A copy: building the topology again must not add the conditions twice.
        return spec.build().toBuilder()
                .ports(ports)
                .fixedPorts(fixedPorts)
                .dependsOn(dependsOn)
                .aliases(aliases)
                .files(files)
                .mounts(mounts)
                .extraHosts(extraHosts)
                .startupTimeout(startupTimeout)
                .waitFor(waits.stream().map(w -> w.apply(startupTimeout)).toList())
                .build();
    }
}
