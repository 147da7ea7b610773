package dev.flotilla.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's output kept in files, one per stream, each line written as it comes with the
 * engine's timestamp before it (as {@code docker logs -t} shows it), so a file is whole up to the
 * moment a JVM dies; the watchdog adds what came after (see {@link CrashLogs}). Lines arrive
 * masked: no secret value reaches a file.
 */
final class LogFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);

    private LogFiles() {
    }

    /** The file name of a service's standard output. */
    static String stdoutName(String service) {
        return fileName(service) + ".log";
    }

    /** The file name of a service's standard error. */
    static String stderrName(String service) {
        return fileName(service) + ".stderr.log";
    }

    /** The directory name of a topology instance. */
    static String instanceDirectoryName(String topology, String instanceId) {
        return fileName(topology) + "-" + instanceId;
    }

    private static String fileName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    /** Appends lines to one file, opened on the first line; a file that cannot be written is reported once and then left alone. */
    static final class Writer {
        private final Optional<Path> file;
        private OutputStream out;
        private boolean broken;

        Writer(Optional<Path> file) {
            this.file = file;
        }

        synchronized void line(String text) {
            if (file.isEmpty() || broken) {
                return;
            }
            try {
                if (out == null) {
                    Files.createDirectories(file.get().getParent());
                    out = Files.newOutputStream(file.get(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                // One write per line, unbuffered: what was written is in the file even if the JVM is killed next.
                out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                broken = true;
                LOG.warn("Could not write the service log {}; its output is kept in memory only", file.get(), e);
            }
        }

        synchronized void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    // written as far as it went
                }
                out = null;
            }
        }
    }
}
