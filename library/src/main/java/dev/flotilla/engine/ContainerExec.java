package dev.flotilla.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.flotilla.ExecResult;
import dev.flotilla.FlotillaException;

/**
 * Runs one command inside a service's container and collects what it wrote. Output is kept as
 * bytes and decoded once at the end, because Docker cuts its stream into frames wherever it
 * likes, also inside a multi-byte character. Every run has a deadline.
 */
final class ContainerExec {

    private ContainerExec() {
    }

    /** A command that did not end within its deadline; it may still run in the container (Docker cannot kill an exec). */
    static final class TimedOut extends Exception {

        private final transient ExecResult soFar;

        TimedOut(String message, ExecResult soFar) {
            super(message, null, false, false);
            this.soFar = soFar;
        }

        /** What the command wrote before the deadline; exit code -1. */
        ExecResult soFar() {
            return soFar;
        }
    }

    static ExecResult run(ServiceContainer container, Duration timeout, List<String> command) throws TimedOut {
        DockerClient client = container.docker().client();
        String execId;
        try {
            execId = client.execCreateCmd(container.containerId()).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
        } catch (DockerException e) {
            // Docker answers 409 for a container that does not run, Podman 500 ("container state improper").
            if (e instanceof ConflictException || e instanceof NotFoundException || !container.isRunning()) {
                throw new FlotillaException("Cannot run " + command + " in service \"" + container.name() + "\": "
                        + container.describeState() + ". Fix: start it again with start() first, or look at its logs() for why it stopped.", e);
            }
            throw e;
        }
        Output output = new Output();
        ResultCallback.Adapter<Frame> callback = client.execStartCmd(execId).exec(output);
        try {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                closeQuietly(callback);
                throw new TimedOut("Command " + command + " in service \"" + container.name() + "\" did not end within "
                        + Durations.format(timeout), new ExecResult(-1, output.stdout(), output.stderr()));
            }
        } catch (InterruptedException e) {
            closeQuietly(callback);
            Thread.currentThread().interrupt();
            throw new FlotillaException("Interrupted while running " + command + " in service \"" + container.name() + "\"", e);
        }
        Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.stdout(), output.stderr());
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> callback) {
        try {
            callback.close();
        } catch (IOException e) {
            // the stream is abandoned either way
        }
    }

    /** The two streams, as bytes until the end. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame frame) {
            ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
            synchronized (this) {
                target.writeBytes(frame.getPayload());
            }
        }

        synchronized String stdout() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }
}
