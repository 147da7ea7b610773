package dev.flotilla.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.flotilla.engine.Labels;

/**
 * Runs a main class of the test class path in a JVM inside a container on the host network, as
 * a CI job or a dev container does: it shares this machine's host name and network, but not its
 * PID namespace. The class path is bind-mounted read-only at the same paths, and the Docker
 * socket is mounted, so that JVM uses the same engine as this one. Like {@link ChildJvm}, for a
 * JVM that must be another process; unlike it, in another PID namespace.
 *
 * <p>The container carries this JVM's session label, so this JVM's watchdog removes it if this
 * JVM dies before {@link #close()}.
 */
public final class ContainerJvm implements AutoCloseable {

    private static final String IMAGE = "eclipse-temurin:17-jre";
    private static final String DOCKER_SOCKET = "/var/run/docker.sock";
    private static final String HOME = "/flotilla-home";

    private final DockerClient client;
    private final String containerId;
    private final StringBuffer output = new StringBuffer();

    private ContainerJvm(DockerClient client, String containerId) {
        this.client = client;
        this.containerId = containerId;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new container. Its environment has what a
     * JVM needs to use this engine from a container on the host network, plus {@code env}.
     */
    public static ContainerJvm start(Class<?> mainClass, Map<String, String> env, String... args) throws InterruptedException {
        return start(mainClass, env, true, null, args);
    }

    /**
     * Starts {@code mainClass} in a container with no Docker engine to reach: no socket mounted,
     * nothing in its environment but {@code env}, as on a machine without Docker.
     */
    public static ContainerJvm startWithoutEngine(Class<?> mainClass, Map<String, String> env, String... args) throws InterruptedException {
        return start(mainClass, env, false, null, args);
    }

    /** Like {@link #startWithoutEngine}, with {@code home} as the JVM's home directory ({@code user.home}), mounted read-only. */
    public static ContainerJvm startWithoutEngine(Class<?> mainClass, Map<String, String> env, Path home, String... args)
            throws InterruptedException {
        return start(mainClass, env, false, home, args);
    }

    private static ContainerJvm start(Class<?> mainClass, Map<String, String> env, boolean withEngine, Path home, String... args)
            throws InterruptedException {
        DockerClient client = DockerState.client();
        ensureImage(client);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Bind> binds = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                binds.add(new Bind(entry, new Volume(entry), AccessMode.ro));
            }
        }
        Map<String, String> environment = new HashMap<>();
        if (withEngine) {
            binds.add(new Bind(DOCKER_SOCKET, new Volume(DOCKER_SOCKET)));
            environment.putAll(Map.of(
                    "TESTCONTAINERS_RYUK_DISABLED", "true",
                    "DOCKER_HOST", "unix://" + DOCKER_SOCKET,
                    // Testcontainers sees /.dockerenv and would probe for a gateway; on the host network, localhost is right.
                    "TESTCONTAINERS_HOST_OVERRIDE", "localhost"));
        }
        if (home != null) {
            binds.add(new Bind(home.toString(), new Volume(HOME), AccessMode.ro));
            environment.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + HOME);
        }
        environment.putAll(env);
        List<String> command = new ArrayList<>(List.of("java", "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        String id = client.createContainerCmd(IMAGE)
                .withName("flotilla-containerjvm-" + UUID.randomUUID().toString().substring(0, 8))
                .withLabels(Map.of(Labels.SESSION, Labels.SESSION_ID, "dev.flotilla.test", "container-jvm"))
                .withEnv(environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withCmd(command)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withBinds(binds))
                .exec().getId();
        ContainerJvm jvm = new ContainerJvm(client, id);
        client.startContainerCmd(id).exec();
        client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        jvm.output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                });
        return jvm;
    }

    private static void ensureImage(DockerClient client) throws InterruptedException {
        try {
            client.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            client.pullImageCmd(IMAGE).start().awaitCompletion(5, TimeUnit.MINUTES);
        }
    }

    /** The container's id. */
    public String containerId() {
        return containerId;
    }

    /** Everything the JVM printed so far, stdout and stderr. */
    public String output() {
        return output.toString();
    }

    /** Waits until the JVM printed a line containing {@code marker}, or fails with its output. */
    public String awaitLine(String marker, long timeoutSeconds) throws InterruptedException {
        return PrintedLines.await(this::output, this::isRunning, marker, timeoutSeconds, "The JVM in container " + containerId);
    }

    /** Waits for the JVM to end by itself; fails with its output if it does not within the timeout. Returns its exit code. */
    public long awaitExit(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The JVM in container " + containerId + " did not end within " + timeoutSeconds
                        + " s; its output:\n" + output());
            }
            Thread.sleep(100);
        }
        Long exitCode = client.inspectContainerCmd(containerId).exec().getState().getExitCodeLong();
        return exitCode == null ? -1 : exitCode;
    }

    /** Stops the JVM with SIGTERM, as {@code docker stop} does, so its shutdown hooks run; returns its exit code. */
    public long stop(int timeoutSeconds) {
        client.stopContainerCmd(containerId).withTimeout(timeoutSeconds).exec();
        InspectContainerResponse.ContainerState state = client.inspectContainerCmd(containerId).exec().getState();
        return state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
    }

    private boolean isRunning() {
        return Boolean.TRUE.equals(client.inspectContainerCmd(containerId).exec().getState().getRunning());
    }

    /**
     * Stops the JVM as {@link #stop} does, if it still runs, then removes the container. A JVM
     * killed outright would leave its topology: its watchdog runs in the same container and dies
     * with it, and no JVM outside that PID namespace can tell that it died.
     */
    @Override
    public void close() {
        try {
            if (isRunning()) {
                stop(30);
            }
            client.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException e) {
            // gone already
        }
    }
}
