package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.support.CapturedStderr;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.GeneratedImageRegistry;
import dev.flotilla.support.TestImages;
import org.junit.jupiter.api.Test;

/**
 * A pull the engine really does, of an image it has none of (random layers, served slowly from
 * {@link GeneratedImageRegistry}), logs a line at most every reporting interval with layers and
 * bytes done out of the total, and a last line with the time it took; read from the log output,
 * as a user reads it.
 */
class PullProgressLinesTest {

    private static final Duration INTERVAL = Duration.ofMillis(400);
    private static final int LAYERS = 3;
    private static final int LAYER_BYTES = 2_000_000;
    /** Per download; the engine downloads the three layers at once: about two seconds in all. */
    private static final int BYTES_PER_SECOND = 1_000_000;

    private static final String SIZE = "[0-9.]+ k?M?B";
    private static final Pattern PROGRESS = Pattern.compile(": ([0-3])/3 layers done, (" + SIZE + ") of (" + SIZE + ") downloaded"
            + "(, extracting " + SIZE + " of " + SIZE + ")?; ([0-9.]+) (ms|s) so far$");

    @Test
    void aSlowPullSaysEveryIntervalHowManyLayersAndBytesAreDoneAndEndsWithTheTimeTaken() throws Exception {
        try (GeneratedImageRegistry registry = GeneratedImageRegistry.serving(LAYERS, LAYER_BYTES, BYTES_PER_SECOND)) {
            String image = registry.image();
            List<String> lines;
            long millis;
            try (ProgressLine.Restore fast = ProgressLine.reportingEvery(INTERVAL); CapturedStderr err = CapturedStderr.start()) {
                var client = DockerState.client(); // connected before the clock starts
                long started = System.nanoTime();
                new ImagePull(client, image, Duration.ofSeconds(30), 1).run();
                millis = (System.nanoTime() - started) / 1_000_000;
                lines = err.lines(image);
            } finally {
                TestImages.remove(image);
            }

            assertThat(lines.get(0)).endsWith("INFO dev.flotilla.engine.ImagePuller - Pulling image " + image);
            List<String> progress = lines.subList(1, lines.size() - 1);
            assertThat(progress).as("the lines between the first and the last: %s", lines)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("INFO dev.flotilla.engine.ImagePuller - Pulling image " + image + ": ")
                            .containsPattern(PROGRESS))
                    .anySatisfy(line -> {
                        Matcher m = PROGRESS.matcher(line);
                        assertThat(m.find() && !m.group(2).equals(m.group(3))).as("a line in the middle of the download: %s", line).isTrue();
                    })
                    // one line per interval, not one per report of the engine (several a second for each layer)
                    .hasSizeLessThanOrEqualTo((int) (millis / INTERVAL.toMillis()) + 1);
            assertThat(numbers(progress, 1)).as("layers done, line by line").isSorted();
            assertThat(lines.get(lines.size() - 1)).matches(".* INFO dev.flotilla.engine.ImagePuller - Pulled image " + Pattern.quote(image)
                    + " in [0-9.]+ s: 3 layers, 6\\.0 MB downloaded");
            assertThat(secondsTaken(lines.get(lines.size() - 1))).as("the time taken, as measured here: %d ms", millis)
                    .isBetween(millis / 1000.0 - 0.5, millis / 1000.0 + 0.1);
        }
    }

    @Test
    void aPullWhoseLayersArePresentSaysSo() throws Exception {
        try (GeneratedImageRegistry registry = GeneratedImageRegistry.serving(LAYERS, 100_000, 10_000_000)) {
            List<String> lines;
            try (CapturedStderr err = CapturedStderr.start()) {
                new ImagePull(DockerState.client(), registry.image(), Duration.ofSeconds(30), 1).run();
                new ImagePull(DockerState.client(), registry.sameLayersImage(), Duration.ofSeconds(30), 1).run();
                lines = err.lines("Pulled image ");
            } finally {
                TestImages.remove(registry.sameLayersImage());
                TestImages.remove(registry.image());
            }

            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches(".* - Pulled image " + Pattern.quote(registry.image()) + " in [0-9.]+ m?s: 3 layers, 300\\.[0-9] kB downloaded");
            assertThat(lines.get(1)).matches(".* - Pulled image " + Pattern.quote(registry.sameLayersImage())
                    + " in [0-9.]+ m?s: 3 layers \\(3 already present\\), 0 B downloaded");
        }
    }

    private static List<Integer> numbers(List<String> lines, int group) {
        return lines.stream().map(line -> {
            Matcher m = PROGRESS.matcher(line);
            assertThat(m.find()).isTrue();
            return Integer.parseInt(m.group(group));
        }).toList();
    }

    private static double secondsTaken(String line) {
        Matcher m = Pattern.compile(" in ([0-9.]+) s: ").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
