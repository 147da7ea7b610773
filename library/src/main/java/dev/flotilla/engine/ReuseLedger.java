package dev.flotilla.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each reusable instance was last used, on this machine: one empty file per model hash
 * under the temporary directory, whose modification time is the last use. Docker labels
 * cannot change after creation, so the record lives here. While a JVM holds an instance, the
 * record is refreshed every minute, so that a long test run's instance never looks unused to
 * another JVM's sweep (for time-to-live settings above a minute).
 */
final class ReuseLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ReuseLedger.class);
    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-reuse");
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flotilla-reuse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    static {
        HEARTBEAT.scheduleAtFixedRate(() -> HELD.forEach(ReuseLedger::touch), 1, 1, TimeUnit.MINUTES);
    }

    private ReuseLedger() {
    }

    /** Records a use now, and keeps recording it while this JVM holds the instance. */
    static void hold(String hash) {
        touch(hash);
        HELD.add(hash);
    }

    /** Records a last use now; this JVM no longer holds the instance. */
    static void release(String hash) {
        HELD.remove(hash);
        touch(hash);
    }

    /** Records a use now. */
    static void touch(String hash) {
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(hash);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.warn("Could not record the use of reusable instance {}", hash, e);
        }
    }

    /** The last recorded use, if any. */
    static Optional<Instant> lastUse(String hash) {
        try {
            return Optional.of(Files.getLastModifiedTime(DIRECTORY.resolve(hash)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
