package dev.flotilla.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each reusable instance was last used, on this machine: one empty file per model hash
 * under the temporary directory, whose modification time is the last use. Docker labels
 * cannot change after creation, so the record lives here. While a JVM holds an instance (see
 * {@link ReuseHolds}, which makes holding visible to the other JVMs of this machine), the record
 * is refreshed every minute, so that a long test run's instance does not look unused either.
 */
final class ReuseLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ReuseLedger.class);
    /** Where the records, and the lock files of {@link ReuseHolds}, live. */
    static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-reuse");
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flotilla-reuse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    static {
        HEARTBEAT.scheduleAtFixedRate(() -> ReuseHolds.heldByThisJvm().forEach(ReuseLedger::touch), 1, 1, TimeUnit.MINUTES);
    }

    private ReuseLedger() {
    }

    /**
     * Holds the instance for one more holder of this JVM, so that no JVM removes it meanwhile;
     * records a use now, and keeps recording it while this JVM holds the instance.
     */
    static void hold(String hash) {
        ReuseHolds.hold(hash);
        touch(hash);
    }

    /** Lets go of one hold of this JVM; records a last use now. */
    static void release(String hash) {
        ReuseHolds.release(hash);
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
