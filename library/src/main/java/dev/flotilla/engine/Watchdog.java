package dev.flotilla.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>Arguments: the session id, the parent's PID, the file its output goes to (which it deletes
 * when it ends well), and the run's report directory, where it completes the service logs of
 * the dead JVM before removing its containers ({@link CrashLogs}; empty where reports are off).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Watchdog {

    private static final int QUIET_SWEEPS_TO_STOP = 2;
    private static final int MAX_SWEEPS = 20;
    /** A line on the pipe that hands over a secret value to mask, Base64-encoded. */
    static final String MASK = "mask ";

    private Watchdog() {
    }

    public static void main(String[] args) throws Exception {
        String sessionId = args[0];
        long parentPid = Long.parseLong(args[1]);
        // Connect while the parent lives, so the cleanup itself starts at once.
        CompletableFuture<DockerClient> client = CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().client());

        List<String> secrets = new CopyOnWriteArrayList<>();
        awaitParentDeath(System.in, parentPid, secrets);

        DockerClient docker = client.get(60, TimeUnit.SECONDS);
        if (args.length > 3 && !args[3].isEmpty()) {
            CrashLogs.complete(docker, sessionId, Path.of(args[3]), secrets);
        }
        // A start under way when the parent died may still create something: sweep until quiet.
        int quiet = 0;
        for (int sweep = 0; sweep < MAX_SWEEPS && quiet < QUIET_SWEEPS_TO_STOP; sweep++) {
            quiet = SessionSweeper.sweepSession(docker, sessionId) == 0 ? quiet + 1 : 0;
            Thread.sleep(500);
        }
        Files.deleteIfExists(Path.of(args[2]));
        System.exit(0);
    }

    /**
     * Waits until the parent is gone: its pipe reaches end of file (or breaks), or its PID is gone.
     * The parent writes one line per secret value to mask in log files ({@code mask <base64>}).
     */
    private static void awaitParentDeath(InputStream parentPipe, long parentPid, List<String> secrets) throws InterruptedException {
        Thread pipeWatcher = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(parentPipe, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith(MASK)) {
                        secrets.add(new String(Base64.getDecoder().decode(line.substring(MASK.length())), StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
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
