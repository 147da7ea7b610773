package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import dev.flotilla.ExecResult;
import dev.flotilla.FlotillaException;
import dev.flotilla.ServiceHandle;
import dev.flotilla.model.FileCopy;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * One service's container: how it is created, started, inspected, restarted and removed, and
 * the {@link ServiceHandle} the test sees.
 */
final class ServiceContainer implements ServiceHandle {

    private final DockerEngine docker;
    private final ServiceSpec spec;
    private final String containerName;
    private final ContainerLog log;
    private final Readiness readiness;
    private volatile String image;
    private volatile String containerId;
    private volatile Map<Integer, Integer> mappedPorts = Map.of();

    ServiceContainer(DockerEngine docker, ServiceSpec spec, String containerName) {
        this.docker = docker;
        this.spec = spec;
        this.containerName = containerName;
        this.log = new ContainerLog(spec.name(), spec.secretValues());
        this.readiness = new Readiness(this);
        this.image = spec.image();
    }

    /** Runs {@code builtImage} instead of the declared image: the image built for a Java application. */
    void runImage(String builtImage) {
        this.image = builtImage;
    }

    ServiceSpec spec() {
        return spec;
    }

    /** The image the container runs: the declared one, or the one built for a Java application. */
    String image() {
        return image;
    }

    String containerName() {
        return containerName;
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

    /** Creates the container; the id is kept at once, so that even a container that never starts is removed. */
    void create(String networkName, Map<String, String> topologyLabels) {
        DockerClient client = docker.client();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.putAll(topologyLabels);
        labels.put(Labels.SERVICE, spec.name());

        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (int port : spec.ports()) {
            ExposedPort exposedPort = ExposedPort.tcp(port);
            exposed.add(exposedPort);
            bindings.bind(exposedPort, Ports.Binding.bindIp(spec.bindAddress()));
        }
        for (FixedPort fixed : spec.fixedPorts()) {
            ExposedPort exposedPort = ExposedPort.tcp(fixed.containerPort());
            exposed.add(exposedPort);
            bindings.bind(exposedPort, Ports.Binding.bindIpAndPort(spec.bindAddress(), fixed.hostPort()));
        }
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withNetworkMode(networkName)
                .withPortBindings(bindings);
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
            if (!spec.secrets().isEmpty()) {
                command.withEntrypoint(SecretDelivery.entrypoint())
                        .withCmd(SecretDelivery.command(spec, client.inspectImageCmd(image).exec()));
            } else {
                if (!spec.command().isEmpty()) {
                    command.withCmd(spec.command());
                }
                if (!spec.entrypoint().isEmpty()) {
                    command.withEntrypoint(spec.entrypoint());
                }
            }
            containerId = command.exec().getId();
        }
    }

    /** Copies the declared files in; done before start, so entry points see them. Missing parent directories are created. */
    void copyFiles() {
        if (!spec.secrets().isEmpty()) {
            docker.client().copyArchiveToContainerCmd(containerId).withRemotePath("/")
                    .withTarInputStream(SecretDelivery.archive(spec)).exec();
        }
        for (FileCopy file : spec.files()) {
            byte[] content = readSource(file.source());
            docker.client().copyArchiveToContainerCmd(containerId)
                    .withRemotePath("/")
                    .withTarInputStream(new ByteArrayInputStream(tar(file.target().substring(1), content, file.mode())))
                    .exec();
        }
    }

    private static byte[] readSource(String source) {
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

    private static byte[] tar(String name, byte[] content, int mode) {
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

    /** Starts the created container, follows its output and reads its published ports. */
    void startContainer() {
        try {
            docker.client().startContainerCmd(containerId).exec();
        } catch (NotModifiedException alreadyRunning) {
            // started again by someone else; follow it and read its ports all the same
        }
        log.follow(docker.client(), containerId);
        mappedPorts = readMappedPorts(inspect());
    }

    private Map<Integer, Integer> readMappedPorts(InspectContainerResponse inspection) {
        Map<Integer, Integer> ports = new HashMap<>();
        Ports published = inspection.getNetworkSettings().getPorts();
        if (published == null) {
            return ports;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : published.getBindings().entrySet()) {
            Ports.Binding[] bound = entry.getValue();
            if (bound != null && bound.length > 0 && bound[0].getHostPortSpec() != null) {
                ports.put(entry.getKey().getPort(), Integer.parseInt(bound[0].getHostPortSpec()));
            }
        }
        return ports;
    }

    /** Takes over a running container of a reusable instance. */
    void attach(String existingContainerId) {
        this.containerId = existingContainerId;
        log.follow(docker.client(), containerId);
        mappedPorts = readMappedPorts(inspect());
    }

    InspectContainerResponse inspect() {
        return docker.client().inspectContainerCmd(containerId).exec();
    }

    /** Waits until every readiness condition holds; see {@link Readiness}. */
    void awaitReady(java.util.function.BooleanSupplier aborted) throws ReadinessFailure {
        readiness.await(aborted);
    }

    /** Removes the container and everything of it; one that is already gone counts as removed. */
    void remove() {
        log.close();
        String id = containerId;
        if (id == null) {
            return;
        }
        DockerRemoval.container(docker.client(), id);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String containerId() {
        return containerId;
    }

    @Override
    public String host() {
        return docker.host();
    }

    @Override
    public int mappedPort(int containerPort) {
        if (!spec.allContainerPorts().contains(containerPort)) {
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

    @Override
    public String logs() {
        return String.join("\n", log.lines());
    }

    @Override
    public ExecResult exec(String... command) {
        DockerClient client = docker.client();
        String execId;
        try {
            execId = client.execCreateCmd(containerId).withCmd(command)
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
        } catch (ConflictException | NotFoundException e) {
            throw new FlotillaException("Cannot run " + List.of(command) + " in service \"" + spec.name() + "\": " + describeState()
                    + ". Fix: start it again with start() first, or look at its logs() for why it stopped.", e);
        }
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        try {
            client.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    (frame.getStreamType() == StreamType.STDERR ? stderr : stdout)
                            .append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlotillaException("Interrupted while running " + List.of(command) + " in service \"" + spec.name() + "\"", e);
        }
        Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), stdout.toString(), stderr.toString());
    }

    /** The container's state in words, such as "it has exited with code 137 (OOM-killed)". */
    private String describeState() {
        try {
            InspectContainerResponse.ContainerState state = inspect().getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                return "it is running";
            }
            return "it is not running (" + state.getStatus() + ", exit code " + state.getExitCodeLong()
                    + (Boolean.TRUE.equals(state.getOOMKilled()) ? ", OOM-killed" : "") + ")";
        } catch (NotFoundException e) {
            return "its container no longer exists";
        }
    }

    @Override
    public boolean isRunning() {
        try {
            return Boolean.TRUE.equals(inspect().getState().getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void stop(Duration grace) {
        try {
            docker.client().stopContainerCmd(containerId).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException e) {
            // already stopped
        }
        mappedPorts = Map.of();
    }

    @Override
    public void start() {
        startContainer();
        try {
            awaitReady(() -> false);
        } catch (ReadinessFailure failure) {
            throw new FlotillaException(FailureReport.of(this, failure).message(), failure);
        }
    }

    @Override
    public String toString() {
        return "ServiceHandle[" + spec.name() + ", container " + containerName + "]";
    }
}
