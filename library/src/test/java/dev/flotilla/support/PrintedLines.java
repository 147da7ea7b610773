package dev.flotilla.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a line in what another process prints, as it grows. */
final class PrintedLines {

    private PrintedLines() {
    }

    /**
     * The first line of {@code output} that contains {@code marker}, once printed; fails with the
     * output if none is by the deadline, or a moment after the process ended.
     */
    static String await(Supplier<String> output, BooleanSupplier alive, String marker, long timeoutSeconds, String who)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean ended = false;
        while (true) {
            for (String line : output.get().split("\n")) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError(who + " printed no line with \"" + marker + "\"; its output:\n" + output.get());
            }
            ended = !alive.getAsBoolean();
            Thread.sleep(ended ? 200 : 50); // after the end, what it printed last may still be on its way
        }
    }
}
