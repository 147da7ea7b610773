package dev.flotilla.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.flotilla.FlotillaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which reusable instances are held right now by the JVMs of this machine. A holder keeps a
 * shared lock on {@code <tmp>/flotilla-reuse/<hash>.lock} for as long as it holds the instance;
 * a JVM removes an instance only while it has that file's exclusive lock, which it gets only
 * when no JVM holds the shared one. The operating system drops the locks of a JVM that ends,
 * however it ends, so a crashed holder blocks no one.
 *
 * <p>Java's file locks belong to the whole JVM: a second lock on the same file from the same JVM
 * throws instead of sharing. So this JVM takes one shared lock per instance, counts its own
 * holders (test classes of one run may hold the same instance), and never asks for the
 * exclusive lock of an instance it holds.
 */
final class ReuseHolds {

    private static final Logger LOG = LoggerFactory.getLogger(ReuseHolds.class);
    /** A removal takes seconds; one that takes longer than this is stuck. */
    private static final Duration REMOVAL_PATIENCE = Duration.ofMinutes(2);

    // Both guarded by the class: a hash is in at most one of them.
    private static final Map<String, Lock> HELD = new HashMap<>();
    private static final Map<String, Lock> REMOVING = new HashMap<>();

    private ReuseHolds() {
    }

    /** The exclusive lock on an instance, for removing it; closing it lets others hold the instance again. */
    interface Removal extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Holds the instance for one more holder of this JVM. Waits while a JVM removes it, so that a
     * holder never sees it vanish.
     *
     * @throws FlotillaException if a removal holds the lock for longer than two minutes
     */
    static void hold(String hash) {
        Instant giveUp = Instant.now().plus(REMOVAL_PATIENCE);
        while (true) {
            synchronized (ReuseHolds.class) {
                Lock held = HELD.get(hash);
                if (held != null) {
                    held.holders++;
                    return;
                }
                if (!REMOVING.containsKey(hash)) {
                    try {
                        Optional<Lock> shared = Lock.tryTake(hash, true);
                        if (shared.isPresent()) {
                            HELD.put(hash, shared.get());
                            return;
                        }
                    } catch (IOException e) {
                        LOG.warn("Could not lock {}: other JVMs of this machine cannot see that this one uses reusable instance {}",
                                Lock.file(hash), hash.substring(0, 12), e);
                        HELD.put(hash, Lock.NONE);
                        return;
                    }
                }
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new FlotillaException("Reusable instance " + hash.substring(0, 12) + ": another process has held " + Lock.file(hash)
                        + " exclusively, to remove the instance, for over " + Durations.format(REMOVAL_PATIENCE)
                        + ". Fix: end the process that holds it (fuser " + Lock.file(hash) + " names it).");
            }
            sleep();
        }
    }

    /** Lets go of one hold of this JVM; the last one releases the lock. */
    static synchronized void release(String hash) {
        Lock held = HELD.get(hash);
        if (held != null && --held.holders == 0) {
            HELD.remove(hash);
            held.close();
        }
    }

    /** The instances this JVM holds. */
    static synchronized Set<String> heldByThisJvm() {
        return Set.copyOf(HELD.keySet());
    }

    /**
     * The exclusive lock on an instance, if no JVM of this machine holds it; empty when this JVM
     * or another holds it, and when the lock file cannot be used, since then no one can tell.
     */
    static synchronized Optional<Removal> tryRemoval(String hash) {
        if (HELD.containsKey(hash) || REMOVING.containsKey(hash)) {
            return Optional.empty();
        }
        try {
            Optional<Lock> exclusive = Lock.tryTake(hash, false);
            exclusive.ifPresent(lock -> REMOVING.put(hash, lock));
            return exclusive.map(lock -> () -> {
                synchronized (ReuseHolds.class) {
                    REMOVING.remove(hash);
                    lock.close();
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not lock {}, so whether another JVM uses reusable instance {} is unknown: it is kept",
                    Lock.file(hash), hash.substring(0, 12), e);
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlotillaException("Interrupted while waiting for another JVM to finish removing a reusable instance", e);
        }
    }

    /** One OS lock on an instance's lock file, and how many holders of this JVM share it. */
    private static final class Lock {

        /** Where the lock file could not be used: the holders are counted, in this JVM only. */
        static final Lock NONE = new Lock(null);

        private final FileChannel channel;
        int holders = 1;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        static Path file(String hash) {
            return ReuseLedger.DIRECTORY.resolve(hash + ".lock");
        }

        /** The lock, or empty if another process holds a conflicting one. */
        static Optional<Lock> tryTake(String hash, boolean shared) throws IOException {
            Files.createDirectories(ReuseLedger.DIRECTORY);
            FileChannel channel = FileChannel.open(file(hash), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock != null) {
                    return Optional.of(new Lock(channel));
                }
            } catch (OverlappingFileLockException e) {
                // this JVM has it already, through a path the maps above do not see: count it as taken
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
            return Optional.empty();
        }

        /** Closing the channel releases the lock. */
        void close() {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Could not close a reuse lock; it goes with this JVM", e);
            }
        }
    }
}
