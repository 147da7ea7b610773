package dev.flotilla.engine;

import java.time.Duration;
import java.util.List;

import com.github.dockerjava.api.exception.DockerException;
import dev.flotilla.ExecResult;
import dev.flotilla.FlotillaException;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceState;

/**
 * The test's view of one replica of a service of a running topology (replica 1 for the service's
 * own handle). It holds no lifecycle of its own: it asks the replica's container and, to start
 * it again or to scale the service, the engine's one start path.
 */
final class TopologyServiceHandle implements ServiceHandle {

    private final StartedTopology topology;
    private final ServiceContainer container;

    TopologyServiceHandle(StartedTopology topology, ServiceContainer container) {
        this.topology = topology;
        this.container = container;
    }

    /** The container of the replica this handle addresses. */
    ServiceContainer container() {
        return container;
    }

    @Override
    public String name() {
        return container.name();
    }

    @Override
    public String containerId() {
        return container.containerId();
    }

    @Override
    public String host() {
        return container.host();
    }

    @Override
    public int mappedPort(int containerPort) {
        return container.mappedPort(containerPort);
    }

    @Override
    public String logs() {
        return String.join("\n", container.log().lines());
    }

    @Override
    public ExecResult exec(String... command) {
        return exec(FlotillaSettings.get().execTimeout(), command);
    }

    @Override
    public ExecResult exec(Duration timeout, String... command) {
        try {
            return container.exec(timeout, List.of(command));
        } catch (ContainerExec.TimedOut e) {
            throw new FlotillaException(e.getMessage() + "; it may still run in the container. Output so far: stdout "
                    + quote(e.soFar().stdout()) + ", stderr " + quote(e.soFar().stderr()) + ". Fix: give it more time with exec(Duration, ...)"
                    + " or the setting " + FlotillaSettings.EXEC_TIMEOUT + ", or make the command end.");
        }
    }

    private String quote(String output) {
        String masked = SecretDelivery.mask(output, container.spec().secretValues());
        return "\"" + (masked.length() > 500 ? "..." + masked.substring(masked.length() - 500) : masked) + "\"";
    }

    @Override
    public ServiceState state() {
        return container.state();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void stop(Duration grace) {
        requireCurrent("stop");
        topology.faults().stopped(this, true);
        container.stop(grace);
    }

    @Override
    public void start() {
        requireCurrent("start");
        try {
            ServiceStart.run(topology, container, Thread.currentThread()::isInterrupted);
            topology.faults().stopped(this, false);
        } catch (ServiceStart.Aborted e) {
            throw new FlotillaException("Start of " + subject() + " was interrupted; the container stays as it is: "
                    + container.describeState() + ".");
        }
    }

    @Override
    public void restart(Duration grace) {
        stop(grace);
        start();
    }

    @Override
    public void kill(String signal) {
        requireRunning("send " + signal + " to");
        try {
            container.kill(signal);
        } catch (DockerException e) {
            throw new FlotillaException("Could not send " + signal + " to " + subject() + ": Docker said: "
                    + String.valueOf(e.getMessage()).strip() + ". Fix: name a signal such as SIGKILL, SIGTERM or SIGHUP.", e);
        }
        if (!container.isRunning()) {
            topology.faults().stopped(this, true);
        }
    }

    @Override
    public void pause() {
        requireRunning("pause");
        container.pause();
        topology.faults().paused(this, true);
    }

    @Override
    public void unpause() {
        if (container.isPaused()) {
            container.unpause();
        }
        topology.faults().paused(this, false);
    }

    @Override
    public <T> T container(Class<T> type) {
        Object object = container.object();
        if (container.spec().container().isEmpty()) {
            throw new IllegalStateException("Service \"" + name() + "\" was not made by a container factory, so it has no container object;"
                    + " use the handle itself (host(), mappedPort(...), exec(...)).");
        }
        if (object == null) {
            throw new IllegalStateException("Service \"" + name() + "\" has no container object yet: its factory is called when it starts.");
        }
        if (!type.isInstance(object)) {
            throw new IllegalStateException("The container object of service \"" + name() + "\" is a " + object.getClass().getName()
                    + ", not a " + type.getName() + ".");
        }
        return type.cast(object);
    }

    @Override
    public List<ServiceHandle> replicas() {
        return List.copyOf(topology.replicaHandles(name()));
    }

    @Override
    public void scale(int count) {
        ServiceScaling.scale(topology, name(), count);
    }

    @Override
    public void reset() {
        ServiceReset.reset(topology, name());
    }

    /** A replica that a scale-down removed has no container to act on. */
    private void requireCurrent(String what) {
        if (!topology.replicaHandles(name()).contains(this)) {
            throw new IllegalStateException("Cannot " + what + " " + subject() + ": scale(...) removed it."
                    + " Fix: use the handles of replicas() as they are now.");
        }
    }

    /** What this handle addresses, in messages: {@code service "web"}, or {@code replica 2 of service "web"}. */
    private String subject() {
        return (container.replica() > 1 ? "replica " + container.replica() + " of " : "") + "service \"" + name() + "\"";
    }

    private void requireRunning(String what) {
        if (!container.isRunning()) {
            throw new FlotillaException("Cannot " + what + " " + subject() + ": " + container.describeState()
                    + ". Fix: start it first with start().");
        }
    }

    @Override
    public String toString() {
        return "ServiceHandle[" + name() + ", container " + container.containerName() + "]";
    }
}
