package dev.flotilla.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a separate JVM, for what one JVM cannot show about itself. */
public final class ChildJvm {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code mainClass} with the given environment changes (a null value removes a
     * variable) and JVM options; stdout and stderr go to one file.
     */
    public static ChildJvm start(Class<?> mainClass, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("flotilla-child-", ".log");
        output.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        return new ChildJvm(builder.start(), output);
    }

    public Process process() {
        return process;
    }

    /** Everything the child printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** Waits until the child printed a line containing {@code marker}, or fails with its output. */
    public String awaitLine(String marker, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            for (String line : output().split("\n")) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The child JVM printed no line with \"" + marker + "\"; its output:\n" + output());
    }

    /** Waits for the child to end; fails with its output if it does not within the timeout. */
    public int awaitExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not end within " + timeoutSeconds + " s; its output:\n" + output());
        }
        return process.exitValue();
    }

}
