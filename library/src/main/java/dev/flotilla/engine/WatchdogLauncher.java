package dev.flotilla.engine;

import java.io.File;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    @SuppressWarnings("unused") // held so that the pipe stays open until the JVM ends
    private static OutputStream pipe;

    private WatchdogLauncher() {
    }

    /** Starts the watchdog and the sweep of dead sessions and expired reusable instances, once per JVM. */
    static synchronized void ensureStarted(DockerEngine docker) {
        if (watchdog != null) {
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
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // The watchdog creates no container of its own, so it never needs Ryuk.
            builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
            watchdog = builder.start();
            pipe = watchdog.getOutputStream();
            LOG.debug("Started cleanup watchdog (pid {}) for session {}", watchdog.pid(), Labels.SESSION_ID);
        } catch (Exception e) {
            LOG.warn("Could not start the cleanup watchdog; if this JVM is killed, its containers stay until the next run sweeps them", e);
        }
        DockerClient client = docker.client();
        // Before this JVM attaches to anything: an expired instance must not vanish under a run that just found it.
        try {
            ReusableTopologies.sweepExpired(client, FlotillaSettings.get().reuseTimeToLive());
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep expired reusable topologies", e);
        }
        EngineThreads.EXECUTOR.execute(() -> {
            try {
                SessionSweeper.sweepDeadSessions(client);
            } catch (RuntimeException e) {
                LOG.warn("Could not sweep the leftovers of dead sessions", e);
            }
        });
    }

    /** This JVM's class path, plus the jars of what the watchdog needs, wherever this JVM found them (under exec:java too). */
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
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
