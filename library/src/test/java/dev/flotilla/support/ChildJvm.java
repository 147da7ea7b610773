package dev.flotilla.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
        return start(javaCommand(mainClass, jvmOptions, args), env);
    }

    /** The command that runs {@code mainClass} of the test class path with these JVM options and arguments. */
    private static List<String> javaCommand(Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", testClassPath()));
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code mainClass} on the test class path less the entries whose path contains
     * {@code leftOut}: a user's class path that lacks one of the library's optional dependencies.
     */
    public static ChildJvm startWithout(Class<?> mainClass, String leftOut) throws IOException {
        String classPath = Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !entry.contains(leftOut))
                .collect(Collectors.joining(File.pathSeparator));
        return start(List.of(java(), "-cp", classPath, mainClass.getName()), Map.of());
    }

    /**
     * Starts {@code mainClass} as {@code mvn exec:java} would: the JVM's class path holds only
     * {@link IsolatedLauncher}; everything else comes from a class loader of its own.
     */
    public static ChildJvm startIsolated(Class<?> mainClass, Map<String, String> env) throws IOException {
        String launcherOnly = Path.of(IsolatedLauncher.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new ArrayList<>(List.of(java(), "-cp", launcherOnly,
                "-Disolated.class.path=" + testClassPath(), IsolatedLauncher.class.getName(), mainClass.getName()));
        return start(command, env);
    }

    /**
     * Starts {@code mainClass} in a mount namespace of its own where {@code /proc/stat} is a copy of
     * this machine's with the boot time ({@code btime}) {@code seconds} later: what the JVM sees where
     * the wall clock was adjusted after other JVMs read it. Needs root ({@link #canShiftBootTime()}).
     */
    public static ChildJvm startWithBootTimeShifted(Class<?> mainClass, long seconds, String... args) throws IOException {
        Path stat = Files.createTempFile("flotilla-proc-stat-", "");
        stat.toFile().deleteOnExit();
        StringBuilder shifted = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            shifted.append(line.startsWith("btime ")
                    ? "btime " + (Long.parseLong(line.substring(6).trim()) + seconds)
                    : line).append('\n');
        }
        Files.writeString(stat, shifted);
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" /proc/stat && exec \"$@\"", stat.toString()));
        command.addAll(javaCommand(mainClass, List.of(), args));
        return start(command, Map.of());
    }

    /** Whether {@link #startWithBootTimeShifted} can work here: {@code unshare} and {@code mount} as root. */
    public static boolean canShiftBootTime() {
        try {
            Process probe = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount --bind /proc/stat /proc/stat").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static ChildJvm start(List<String> command, Map<String, String> env) throws IOException {
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
        return PrintedLines.await(this::output, process::isAlive, marker, timeoutSeconds, "The child JVM");
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
