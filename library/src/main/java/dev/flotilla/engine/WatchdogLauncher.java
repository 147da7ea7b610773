package dev.flotilla.engine;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts this JVM's {@link Watchdog} once, before its first container exists, and sweeps what
 * dead JVMs of this machine left behind. Keeps the write end of the watchdog's input pipe open
 * for the JVM's whole life: the operating system closes it when the JVM dies.
 */
final class WatchdogLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(WatchdogLauncher.class);
    private static Process watchdog;
    private static Path logFile;
    private static boolean warnedDead;
    private static CompletableFuture<Void> expiredSwept;
    // Held so that the pipe stays open until the JVM ends; the watchdog also reads secret values to mask from it.
    private static OutputStream pipe;

    private WatchdogLauncher() {
    }

    /** Waits until the sweep of expired reusable instances that {@link #ensureStarted} began has ended. */
    static void awaitExpiredSwept() {
        CompletableFuture<Void> sweep;
        synchronized (WatchdogLauncher.class) {
            sweep = expiredSwept;
        }
        if (sweep != null) {
            sweep.join();
        }
    }

    /** Starts the watchdog and the sweep of dead sessions and expired reusable instances, once per JVM. */
    static synchronized void ensureStarted(DockerEngine docker) {
        if (watchdog != null) {
            if (!watchdog.isAlive() && !warnedDead) {
                warnedDead = true;
                LOG.warn("The cleanup watchdog (pid {}) has ended early, so a crash of this JVM would leave its containers"
                        + " until the next run sweeps them; its log: {}", watchdog.pid(), logFile);
            }
            return;
        }
        try {
            List<String> command = new ArrayList<>();
            // In a session of its own, a kill of the test's whole process group (a CI timeout) spares it.
            if (new File("/usr/bin/setsid").canExecute()) {
                command.add("/usr/bin/setsid");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-Xmx48m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classPath(), Watchdog.class.getName(), Labels.SESSION_ID, String.valueOf(SessionIdentity.PID)));
            // The watchdog deletes its log when it ends well; a log left behind tells what went wrong.
            logFile = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-watchdog-" + Labels.SESSION_ID + ".log");
            command.add(logFile.toString());
            command.add(RunReport.get().directory().map(Path::toString).orElse(""));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            // The watchdog creates no container of its own, so it never needs Ryuk.
            builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
            watchdog = builder.start();
            pipe = watchdog.getOutputStream();
            LOG.debug("Started cleanup watchdog (pid {}) for session {}", watchdog.pid(), Labels.SESSION_ID);
        } catch (Exception e) {
            LOG.warn("Could not start the cleanup watchdog; if this JVM is killed, its containers stay until the next run sweeps them", e);
        }
        DockerClient client = docker.client();
        // Off the start's path (a topology that is not reusable does not wait for it); a reusable one
        // waits, since an expired instance must not vanish under a run that just found it.
        expiredSwept = CompletableFuture.runAsync(() -> {
            try {
                ReusableTopologies.sweepExpired(client, FlotillaSettings.get().reuseTimeToLive());
            } catch (RuntimeException e) {
                LOG.warn("Could not sweep expired reusable topologies", e);
            }
        }, EngineThreads.EXECUTOR);
        EngineThreads.EXECUTOR.execute(() -> {
            try {
                Snapshots.sweepExpired(client, FlotillaSettings.get().snapshotsTimeToLive());
            } catch (RuntimeException e) {
                LOG.warn("Could not sweep expired snapshot images", e);
            }
            try {
                SessionSweeper.sweepDeadSessions(client);
            } catch (RuntimeException e) {
                LOG.warn("Could not sweep the leftovers of dead sessions", e);
            }
        });
    }

    /**
     * Hands the secret values of a topology to the watchdog, over its pipe (never on disk nor in a
     * command line), so that the log lines it completes after a crash are masked too.
     */
    static synchronized void maskInCrashLogs(List<String> secretValues) {
        if (pipe == null || secretValues.isEmpty()) {
            return;
        }
        try {
            for (String secret : secretValues) {
                pipe.write((Watchdog.MASK + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            pipe.flush();
        } catch (IOException e) {
            LOG.debug("Could not hand secret values to the watchdog; it may have ended", e);
        }
    }

    /**
     * The jars of what the watchdog needs, wherever this JVM found them, then this JVM's class path
     * as the application sees it: under Surefire's manifest-only jar, {@code exec:java}'s class
     * loader, or a plain {@code java -cp}.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> needed : List.of(Watchdog.class, DockerClientFactory.class, DockerClient.class, LoggerFactory.class,
                com.fasterxml.jackson.annotation.JsonProperty.class, com.sun.jna.Native.class)) {
            CodeSource source = needed.getProtectionDomain().getCodeSource();
            if (source != null) {
                try {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: the JVM's own class path must do
                }
            }
        }
        ClassPathEntries.current().forEach(entry -> entries.add(entry.toString()));
        return String.join(File.pathSeparator, entries);
    }
}
