package dev.flotilla.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What this JVM prints to {@code System.err} while it is open, slf4j-simple's log lines among it;
 * printed as well, so that the test's output still shows it.
 */
public final class CapturedStderr implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedStderr() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Captures from now until closed. */
    public static CapturedStderr start() {
        return new CapturedStderr();
    }

    /** The lines printed so far that contain {@code text}, in order. */
    public List<String> lines(String text) {
        String all;
        synchronized (captured) {
            all = captured.toString(StandardCharsets.UTF_8);
        }
        return Arrays.stream(all.split("\n")).filter(line -> line.contains(text)).toList();
    }

    /** Puts the original {@code System.err} back. */
    @Override
    public void close() {
        System.setErr(original);
    }
}
