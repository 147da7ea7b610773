package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.flotilla.ExecResult;
import dev.flotilla.ServiceState;
import dev.flotilla.model.FileCopy;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ReplicaNames;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.VolumeMount;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.containers.GenericContainer;

/**
 * The lifecycle of one service's container: how it is created, started, inspected, stopped and
 * removed, and where its ports are published. What the test sees is a {@link TopologyServiceHandle},
 * which asks the engine; how a service is started and awaited is {@link ServiceStart}.
 */
final class ServiceContainer {

    private final DockerEngine docker;
    private final ServiceSpec spec;
    private final int replica;
    private final String containerName;
    private final ContainerLog log;
    private final ServiceRecord record;
    private final Readiness readiness;
    private volatile String image;
    private volatile String containerId;
    private volatile GenericContainer<?> object;
    private volatile Map<Integer, Integer> mappedPorts = Map.of();
    /** Host ports Flotilla chose for the random ports: kept across restarts. */
    private volatile Map<Integer, Integer> chosenPorts = Map.of();
    /** Host ports the next container is to publish its random ports on: those of the one it replaces. */
    private volatile Map<Integer, Integer> portsToKeep = Map.of();
    /** Whether the container was created behind a {@link StartGate}. */
    private volatile boolean gated;
    /** Whether its gate was opened: a restart runs its process at once. */
    private volatile boolean opened;
    /** The writing of the gate's open file into this container, once asked for; null before. */
    private CompletableFuture<Void> openFileWritten;
    /** The gated container's stdin, attached while it is held; empty once used, and for any other container. */
    private final AtomicReference<StartGate.Line> gateLine = new AtomicReference<>();
    /** Whether Docker started this container at least once. */
    private volatile boolean everStarted;

    ServiceContainer(DockerEngine docker, ServiceSpec spec, int replica, String containerName, ServiceRecord record) {
        this.docker = docker;
        this.spec = spec;
        this.replica = replica;
        this.containerName = containerName;
        this.record = record;
        this.log = new ContainerLog(replicaName(), spec.secretValues(), record.stdoutFile(), record.stderrFile());
        this.readiness = new Readiness(this);
        this.image = spec.image();
    }

    /** Runs {@code builtImage} instead of the declared image: the image built for a Java application. */
    void runImage(String builtImage) {
        this.image = builtImage;
        record.image(builtImage);
    }

    /** What happens to this service, for the run report and failure bundles. */
    ServiceRecord record() {
        return record;
    }

    ServiceSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    /** Which replica of its service this container is, from 1. */
    int replica() {
        return replica;
    }

    /** The replica's name, in its log files and logger: the service's for replica 1; see {@link ReplicaNames}. */
    String replicaName() {
        return ReplicaNames.of(spec.name(), replica);
    }

    /** The image the container runs: the declared one, or the one built for a Java application. */
    String image() {
        return image;
    }

    String containerName() {
        return containerName;
    }

    /** The container's id; null until it is created. */
    String containerId() {
        return containerId;
    }

    ContainerLog log() {
        return log;
    }

    DockerEngine docker() {
        return docker;
    }

    /** Whether a container exists for this service (so it needs removing). */
    boolean created() {
        return containerId != null;
    }

    /** The host address the service's ports are published on: its own, or the engine's default. */
    String bindAddress() {
        return spec.bindAddress().orElse(docker.defaultBindAddress());
    }

    /**
     * Creates the container, behind a {@link StartGate} if {@code gate} is true and there is a
     * command to run; the id is kept at once, so that even a container that never starts is removed.
     */
    void create(InstanceNames names, Map<String, String> topologyLabels, List<String> extraHosts, boolean gate) {
        gated = false;
        DockerClient client = docker.client();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.putAll(topologyLabels);
        labels.put(Labels.SERVICE, spec.name());
        labels.put(Labels.REPLICA, String.valueOf(replica));
        if (spec.container().isPresent()) {
            prepareFactoryContainer(names.defaultNetwork(), labels, extraHosts);
            return;
        }

        String address = bindAddress();
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        // Flotilla picks the host ports itself, so that they are part of the container's configuration
        // and a restart publishes the same ones (Docker would pick new ones).
        chosenPorts = !portsToKeep.isEmpty() ? portsToKeep
                : docker.isLocal() ? HostPorts.chooseFree(spec.ports(), address) : HostPorts.chooseRandom(spec.ports());
        portsToKeep = Map.of();
        for (int port : spec.ports()) {
            ExposedPort exposedPort = ExposedPort.tcp(port);
            exposed.add(exposedPort);
            Integer chosen = chosenPorts.get(port);
            bindings.bind(exposedPort, chosen == null ? Ports.Binding.bindIp(address) : Ports.Binding.bindIpAndPort(address, chosen));
        }
        for (FixedPort fixed : spec.fixedPorts()) {
            ExposedPort exposedPort = ExposedPort.tcp(fixed.containerPort());
            exposed.add(exposedPort);
            bindings.bind(exposedPort, Ports.Binding.bindIpAndPort(address, fixed.hostPort()));
        }
        List<String> networks = spec.joinedNetworks();
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withNetworkMode(names.network(networks.get(0)))
                .withPortBindings(bindings);
        List<String> hosts = new ArrayList<>(spec.extraHosts());
        hosts.addAll(extraHosts);
        if (!hosts.isEmpty()) {
            hostConfig.withExtraHosts(hosts.toArray(String[]::new));
        }
        List<VolumeMount> mountable = BindCopies.mountable(spec.mounts(), docker.isLocal());
        if (!mountable.isEmpty()) {
            hostConfig.withMounts(ContainerStorage.mounts(mountable, names));
        }
        if (spec.memoryBytes() > 0) {
            hostConfig.withMemory(spec.memoryBytes());
        }
        List<String> env = new ArrayList<>();
        spec.env().forEach((key, value) -> env.add(key + "=" + value));

        try (CreateContainerCmd command = client.createContainerCmd(image)) {
            command.withName(containerName)
                    .withLabels(labels)
                    .withEnv(env)
                    .withExposedPorts(exposed)
                    .withHostConfig(hostConfig)
                    .withAliases(spec.networkAliases());
            spec.user().ifPresent(command::withUser);
            spec.workingDir().ifPresent(command::withWorkingDir);
            spec.healthcheck().ifPresent(check -> command.withHealthcheck(ContainerStorage.healthCheck(check)));
            if (!spec.secrets().isEmpty() || gate) {
                // One /bin/sh wrapper for both: the gate's wait, then the secrets' export, then what Docker would have run.
                InspectImageResponse inspected = client.inspectImageCmd(image).exec();
                List<String> run = spec.secrets().isEmpty() ? SecretDelivery.dockerCommand(spec, inspected)
                        : SecretDelivery.command(spec, inspected);
                // Nothing to run is Docker's error to report, at the start, as without the gate.
                gated = gate && !run.isEmpty();
                String rest = spec.secrets().isEmpty() ? "exec \"$@\"" : SecretDelivery.SCRIPT;
                command.withEntrypoint("/bin/sh", "-c", gated ? StartGate.script(rest) : rest, "flotilla")
                        .withCmd(run);
                if (gated) {
                    // Stdin carries the line that opens the gate, once (StartGate.attach).
                    command.withStdinOpen(true).withStdInOnce(true);
                }
            }
            if (!gated && spec.secrets().isEmpty()) {
                if (!spec.command().isEmpty()) {
                    command.withCmd(spec.command());
                }
                if (!spec.entrypoint().isEmpty()) {
                    command.withEntrypoint(spec.entrypoint());
                }
            }
            containerId = command.exec().getId();
        }
        if (gated) {
            gateLine.set(StartGate.attach(client, containerId));
        }
        // Docker creates a container on one network; the others are joined before it starts.
        for (String network : networks.subList(1, networks.size())) {
            docker.client().connectToNetworkCmd().withContainerId(containerId)
                    .withNetworkId(names.network(network))
                    .withContainerNetwork(new ContainerNetwork().withAliases(spec.networkAliases()))
                    .exec();
        }
    }

    /**
     * Makes the container object of a factory service and adds what Flotilla owns: the topology's
     * network with the service's names, the labels, the container's name and its /etc/hosts entries.
     * Testcontainers creates and starts it in {@link #startContainer()}, with the object's own waits.
     */
    private void prepareFactoryContainer(String networkName, Map<String, String> labels, List<String> extraHosts) {
        Object made = spec.container().get().factory().get();
        if (!(made instanceof GenericContainer<?> generic)) {
            throw new IllegalStateException("the container factory " + spec.container().get() + " made "
                    + (made == null ? "null" : "a " + made.getClass().getName()) + ", not a Testcontainers GenericContainer");
        }
        String networkId = docker.client().inspectNetworkCmd().withNetworkId(networkName).exec().getId();
        Map<String, String> ownLabels = new HashMap<>(labels);
        // Testcontainers refuses its own labels from outside; it puts its session label on the container itself.
        ownLabels.keySet().removeIf(key -> key.startsWith("org.testcontainers"));
        generic.withNetwork(new ExistingNetwork(networkId))
                .withNetworkAliases(spec.networkAliases().toArray(String[]::new))
                .withLabels(ownLabels)
                .withCreateContainerCmdModifier(command -> {
                    command.withName(containerName);
                    if (!extraHosts.isEmpty() && command.getHostConfig() != null) {
                        command.getHostConfig().withExtraHosts(extraHosts.toArray(String[]::new));
                    }
                });
        object = generic;
        image = generic.getDockerImageName();
        record.image(image);
    }

    /** The Testcontainers container object of a factory service; null for any other. */
    GenericContainer<?> object() {
        return object;
    }

    /** Copies the declared files in; done before start, so entry points see them. Missing parent directories are created. */
    void copyFiles() {
        if (!spec.secrets().isEmpty()) {
            docker.client().copyArchiveToContainerCmd(containerId).withRemotePath("/")
                    .withTarInputStream(SecretDelivery.archive(spec)).exec();
        }
        BindCopies.copyIn(docker.client(), containerId, BindCopies.copied(spec.mounts(), docker.isLocal()));
        for (FileCopy file : spec.files()) {
            byte[] content = readSource(file.source());
            docker.client().copyArchiveToContainerCmd(containerId)
                    .withRemotePath("/")
                    .withTarInputStream(new ByteArrayInputStream(tar(file.target().substring(1), content, file.mode())))
                    .exec();
        }
    }

    static byte[] readSource(String source) {
        try {
            if (source.startsWith(FileCopy.CLASSPATH_PREFIX)) {
                String resource = source.substring(FileCopy.CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try (InputStream in = (loader != null ? loader : ServiceContainer.class.getClassLoader()).getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("class-path resource " + resource + " not found");
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source, e);
        }
    }

    /** A tar archive of one file, {@code name} relative to the archive's root. */
    static byte[] tar(String name, byte[] content, int mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(content.length);
            entry.setMode(mode);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Starts the created container unless it runs already, makes sure its output is followed (by
     * one stream, however often this is called) and reads its published ports.
     */
    void startContainer() {
        if (object != null && containerId == null) {
            // First start of a factory service: Testcontainers creates and starts it, and waits as the object says.
            try {
                object.start();
            } finally {
                containerId = object.getContainerId();
            }
            log.markRunStart();
            follow();
            return;
        }
        if (opened) {
            // A restart of a container whose gate was opened: its wrapper must find the file, or it would wait.
            // Written now unless it was: the first restart pays for the engine's extraction.
            writeOpenFile(containerId).join();
        }
        try {
            docker.client().startContainerCmd(containerId).exec();
            everStarted = true;
            log.markRunStart();
            if (opened) {
                // Its process must find stdin ended, as at the first start: an attachment that ends at once ends it.
                StartGate.attach(docker.client(), containerId).close();
            }
        } catch (NotModifiedException alreadyRunning) {
            // running already: nothing to start; follow it and read its ports all the same
        }
        follow();
    }

    /** Whether the container was created behind a {@link StartGate}. */
    boolean gated() {
        return gated;
    }

    /** Whether Docker started this container at least once: one that did not can still get other host ports. */
    boolean everStarted() {
        return everStarted;
    }

    /** Whether Docker started the container while its gate holds its own process back. */
    boolean held() {
        return gated && everStarted && !opened;
    }

    /** Opens the gate of a held container: its own process starts now. */
    void openGate() {
        StartGate.Line line = gateLine.getAndSet(null);
        String id = containerId;
        // The file, written by the engine, is not needed once the line went through: the engine's extraction
        // of it (100 to 150 ms of its time) would slow the starts still under way. A restart writes it.
        if (line == null || !line.open(() -> writeOpenFile(id))) {
            StartGate.signal(docker.client(), id);
            // A signal that comes before the wrapper traps it is lost; the file is looked for every second.
            writeOpenFile(id);
        }
        opened = true;
    }

    /** Writes the gate's open file into container {@code id} in the background, unless it was written; the writing. */
    private synchronized CompletableFuture<Void> writeOpenFile(String id) {
        if ((openFileWritten == null || openFileWritten.isCompletedExceptionally()) && id.equals(containerId)) {
            openFileWritten = CompletableFuture.runAsync(() -> StartGate.writeOpenFile(docker.client(), id), EngineThreads.EXECUTOR);
        }
        return openFileWritten == null ? CompletableFuture.completedFuture(null) : openFileWritten;
    }

    /** Takes over a running container of a reusable instance. */
    void attach(String existingContainerId) {
        this.containerId = existingContainerId;
        this.everStarted = true;
        var config = follow().getConfig();
        // Created behind a gate by an earlier run (stdin open): its gate is open, and a restart must end its stdin.
        opened = config != null && Boolean.TRUE.equals(config.getStdinOpen());
    }

    /** Follows the container's output and reads its ports; returns the inspection they were read from. */
    private InspectContainerResponse follow() {
        log.follow(docker.client(), containerId, this::isRunning);
        InspectContainerResponse inspected = inspect();
        mappedPorts = readMappedPorts(inspected);
        record.published(mappedPorts);
        return inspected;
    }

    private Map<Integer, Integer> readMappedPorts(InspectContainerResponse inspection) {
        Map<Integer, Integer> ports = new HashMap<>();
        Ports published = inspection.getNetworkSettings().getPorts();
        if (published == null) {
            return ports;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : published.getBindings().entrySet()) {
            Ports.Binding[] bound = entry.getValue();
            if (bound != null && bound.length > 0 && bound[0].getHostPortSpec() != null && !bound[0].getHostPortSpec().isEmpty()) {
                ports.put(entry.getKey().getPort(), Integer.parseInt(bound[0].getHostPortSpec()));
            }
        }
        return ports;
    }

    InspectContainerResponse inspect() {
        return docker.client().inspectContainerCmd(containerId).exec();
    }

    /** The container's address on {@code networkName}. */
    String ipAddress(String networkName) {
        var network = inspect().getNetworkSettings().getNetworks().get(networkName);
        if (network == null || network.getIpAddress() == null || network.getIpAddress().isEmpty()) {
            throw new IllegalStateException("service \"" + spec.name() + "\" has no address on network " + networkName + " (" + describeState() + ")");
        }
        return network.getIpAddress();
    }

    /** The container's addresses on every network it joined. */
    List<String> ipAddresses() {
        return inspect().getNetworkSettings().getNetworks().values().stream()
                .map(n -> n.getIpAddress()).filter(a -> a != null && !a.isEmpty()).toList();
    }

    /** Whether the container is running now. */
    boolean isRunning() {
        if (containerId == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(inspect().getState().getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The container's state in words, such as "it is not running (exited, exit code 137, OOM-killed)". */
    String describeState() {
        if (containerId == null) {
            return "its container was never created";
        }
        try {
            InspectContainerResponse.ContainerState state = inspect().getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                return Boolean.TRUE.equals(state.getPaused()) ? "it is paused" : "it is running";
            }
            return "it is not running (" + StatusWords.dockers(state.getStatus()) + ", exit code " + state.getExitCodeLong()
                    + (Boolean.TRUE.equals(state.getOOMKilled()) ? ", OOM-killed" : "") + ")";
        } catch (NotFoundException e) {
            return "its container no longer exists";
        }
    }

    /** The container's state now, as the engine reports it. */
    ServiceState state() {
        if (containerId == null) {
            return new ServiceState("not created", false, OptionalLong.empty(), false, 0, Optional.empty());
        }
        InspectContainerResponse inspection;
        try {
            inspection = inspect();
        } catch (NotFoundException e) {
            return new ServiceState("removed", false, OptionalLong.empty(), false, 0, Optional.empty());
        }
        InspectContainerResponse.ContainerState state = inspection.getState();
        boolean running = Boolean.TRUE.equals(state.getRunning());
        // Docker says exit code 0 for a container that never ended; only a finished one has one.
        boolean finished = state.getFinishedAt() != null && !state.getFinishedAt().startsWith("0001-");
        OptionalLong exitCode = finished && state.getExitCodeLong() != null ? OptionalLong.of(state.getExitCodeLong()) : OptionalLong.empty();
        String health = state.getHealth() == null ? null : state.getHealth().getStatus();
        return new ServiceState(StatusWords.dockers(state.getStatus()), running, exitCode, Boolean.TRUE.equals(state.getOOMKilled()),
                inspection.getRestartCount() == null ? 0 : inspection.getRestartCount(),
                Optional.ofNullable(health).filter(h -> !h.isEmpty()));
    }

    /** Waits until every readiness condition holds; see {@link Readiness}. */
    void awaitReady(BooleanSupplier aborted, boolean justLetGo) throws ReadinessFailure {
        readiness.await(aborted, justLetGo);
    }

    /** The host port that a declared container port is published on, while the container runs. */
    int mappedPort(int containerPort) {
        if (object != null && !mappedPorts.containsKey(containerPort)) {
            throw new IllegalArgumentException("Service \"" + spec.name() + "\" does not publish port " + containerPort
                    + "; its container object publishes " + mappedPorts.keySet() + " (withExposedPorts).");
        }
        if (object == null && !spec.allContainerPorts().contains(containerPort)) {
            throw new IllegalArgumentException("Service \"" + spec.name() + "\" does not publish port " + containerPort
                    + "; it publishes " + spec.allContainerPorts() + ". Declare the port in @Service(ports = ...).");
        }
        Integer mapped = mappedPorts.get(containerPort);
        if (mapped == null) {
            throw new IllegalStateException("Service \"" + spec.name() + "\" is not running, so port " + containerPort
                    + " is not published. Start it with start().");
        }
        return mapped;
    }

    /** Each published container port's host port, while the container runs. */
    Map<Integer, Integer> mappedPorts() {
        return mappedPorts;
    }

    /** Where the published ports are reachable from this JVM. */
    String host() {
        return docker.host();
    }

    /** Runs a command in the container, waiting at most {@code timeout} for it to end. */
    ExecResult exec(Duration timeout, List<String> command) throws ContainerExec.TimedOut {
        return ContainerExec.run(this, timeout, command);
    }

    /** Stops the container, giving it {@code grace} after SIGTERM; its ports are unpublished. */
    void stop(Duration grace) {
        try {
            docker.client().stopContainerCmd(containerId).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException e) {
            // already stopped
        }
        mappedPorts = Map.of();
    }

    /** Sends {@code signal} to the container's main process; a signal that ends it unpublishes its ports. */
    void kill(String signal) {
        docker.client().killContainerCmd(containerId).withSignal(signal).exec();
        if (!isRunning()) {
            mappedPorts = Map.of();
        }
    }

    /** Freezes every process of the container (the cgroup freezer); its ports and address stay. */
    void pause() {
        try {
            docker.client().pauseContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            // paused already
        }
    }

    /** Lets a paused container's processes run on. */
    void unpause() {
        try {
            docker.client().unpauseContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            // not paused
        }
    }

    /** Whether the container is paused now. */
    boolean isPaused() {
        try {
            return containerId != null && Boolean.TRUE.equals(inspect().getState().getPaused());
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The host ports Flotilla chose for this container's random ports. */
    Map<Integer, Integer> chosenPorts() {
        return chosenPorts;
    }

    /**
     * Makes way for a new container on the same name and host ports without waiting for this one's
     * removal: kills it, waits until it has stopped (its ports are free then), renames it and lets
     * go of it. Returns its id, for the caller to remove.
     */
    String setAsideKeepingPorts() {
        String id = containerId;
        Map<Integer, Integer> ports = chosenPorts;
        try {
            docker.client().killContainerCmd(id).exec();
        } catch (ConflictException notRunning) {
            // stopped already
        }
        docker.client().waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode();
        docker.client().renameContainerCmd(id).withName(containerName + "-old-" + Long.toHexString(System.nanoTime())).exec();
        letGo();
        portsToKeep = ports;
        return id;
    }

    /** Forgets the container (not its host ports): the next one is created anew. */
    private void letGo() {
        closeGateLine();
        synchronized (this) {
            containerId = null;
            openFileWritten = null;
        }
        mappedPorts = Map.of();
        opened = false;
        everStarted = false;
    }

    /** Removes the container, so that it can be created again (with new host ports); the service's log carries on. */
    void discardForRecreate() {
        portsToKeep = Map.of();
        String id = containerId;
        letGo();
        if (id != null) {
            DockerRemoval.container(docker.client(), id);
        }
    }

    /** Removes the container and everything of it; one that is already gone counts as removed. */
    void remove() {
        log.close();
        closeGateLine();
        String id = containerId != null || object == null ? containerId : object.getContainerId();
        if (id == null) {
            return;
        }
        DockerRemoval.container(docker.client(), id);
    }

    private void closeGateLine() {
        StartGate.Line line = gateLine.getAndSet(null);
        if (line != null) {
            line.close();
        }
    }

    @Override
    public String toString() {
        return "ServiceContainer[" + spec.name() + ", " + containerName + "]";
    }
}
