package dev.flotilla.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, run headless as a user's browser would open a page from disk: each run with
 * a fresh profile, and with the flags that keep it off the network (this project's machines have
 * none, and a report page must not need one).
 */
public final class HeadlessChromium {

    /** Set to {@code required} (as CI does) to fail, rather than skip, browser tests where Chromium is missing. */
    public static final String REQUIRED_VARIABLE = "FLOTILLA_TEST_BROWSER";
    private static final long PATIENCE_SECONDS = 90;

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** Chromium from the PATH, where it is installed. */
    public static Optional<HeadlessChromium> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .map(HeadlessChromium::new);
    }

    /** Whether the run asks for browser tests to run: then a missing Chromium is a failure. */
    public static boolean required() {
        return "required".equals(System.getenv(REQUIRED_VARIABLE));
    }

    /** The DOM Chromium built from the page, serialized ({@code --dump-dom}). */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    /** A PNG of the page's first {@code width} x {@code height} pixels, as a window of that size shows it. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            throw new IOException("Chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("flotilla-chromium-");
        Path stdout = Files.createTempFile("flotilla-chromium-", ".out");
        Path stderr = Files.createTempFile("flotilla-chromium-", ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!chromium.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("Chromium did not finish within " + PATIENCE_SECONDS + " s: " + command);
            }
            if (chromium.exitValue() != 0) {
                throw new IOException("Chromium exited with " + chromium.exitValue() + ": " + command + "\n" + Files.readString(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            // Only what this call started: Chromium and its own helper processes.
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            deleteQuietly(profile);
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** Best effort: a helper process that is still going may hold a file of its profile a moment longer. */
    private static void deleteQuietly(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }
}
