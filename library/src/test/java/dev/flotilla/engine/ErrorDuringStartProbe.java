package dev.flotilla.engine;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.flotilla.Flotilla;
import dev.flotilla.support.DockerState;

/**
 * Run in a child JVM with a small heap: one service copies in a file larger than the heap, so
 * its start fails with an {@link OutOfMemoryError}, not an exception. Prints how the start ended
 * and what of the topology Docker still holds.
 */
public final class ErrorDuringStartProbe {

    public static void main(String[] args) throws Exception {
        Path big = Files.createTempFile("flotilla-big-", ".bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(256L * 1024 * 1024);
        }
        var definition = Flotilla.topology("errorstart")
                .service("plain", "busybox:1.36", s -> s.command("sleep", "600"))
                .service("big", "busybox:1.36", s -> s.command("sleep", "600").copyFile(big.toString(), "/big.bin", 0644))
                .build();
        try (var running = definition.start()) {
            System.out.println("STARTED " + running.serviceNames());
        } catch (Throwable failure) {
            System.out.println("FAILED " + failure.getClass().getSimpleName() + " " + failure.getMessage().lines().findFirst().orElse(""));
            System.out.println("CAUSE " + failure.getCause());
        } finally {
            Files.delete(big);
        }
        System.out.println("LEFT " + DockerState.leftoversOfName("errorstart"));
        System.exit(0);
    }
}
