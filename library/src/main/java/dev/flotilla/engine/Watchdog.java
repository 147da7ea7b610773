package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;

/**
 * The cleanup process that outlives a test JVM for one purpose: when that JVM dies, however it
 * dies ({@code kill -9} included), remove every container and network of its session. It needs
 * no privileges and no image, unlike Testcontainers' Ryuk: it is a small JVM started by
 * {@link WatchdogLauncher}, which notices the death of its parent when its standard input,
 * a pipe from the parent, reaches end of file (or, as a fallback, when the parent's PID is gone).
 *
 * <p>Arguments: the session id and the parent's PID.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Watchdog {

    private static final int QUIET_SWEEPS_TO_STOP = 2;
    private static final int MAX_SWEEPS = 20;

    private Watchdog() {
    }

    public static void main(String[] args) throws Exception {
        String sessionId = args[0];
        long parentPid = Long.parseLong(args[1]);
        // Connect while the parent lives, so the cleanup itself starts at once.
        CompletableFuture<DockerClient> client = CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().client());

        awaitParentDeath(System.in, parentPid);

        DockerClient docker = client.get(60, TimeUnit.SECONDS);
        // A start under way when the parent died may still create something: sweep until quiet.
        int quiet = 0;
        for (int sweep = 0; sweep < MAX_SWEEPS && quiet < QUIET_SWEEPS_TO_STOP; sweep++) {
            quiet = SessionSweeper.sweepSession(docker, sessionId) == 0 ? quiet + 1 : 0;
            Thread.sleep(500);
        }
        System.exit(0);
    }

    private static void awaitParentDeath(InputStream parentPipe, long parentPid) throws InterruptedException {
        Thread pipeWatcher = new Thread(() -> {
            try {
                while (parentPipe.read() != -1) {
                    // the parent never writes; any byte is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same: the parent is gone
            }
        }, "flotilla-watchdog-pipe");
        pipeWatcher.setDaemon(true);
        pipeWatcher.start();
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        while (pipeWatcher.isAlive() && parent.map(ProcessHandle::isAlive).orElse(false)) {
            pipeWatcher.join(1000);
        }
    }
}
