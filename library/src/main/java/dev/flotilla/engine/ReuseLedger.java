package dev.flotilla.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each reusable instance was last used, on this machine: one empty file per model hash
 * under the temporary directory, whose modification time is the last use. Docker labels
 * cannot change after creation, so the record lives here.
 */
final class ReuseLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ReuseLedger.class);
    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-reuse");

    private ReuseLedger() {
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
