package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.flotilla.fixtures.HelloHttpApp;
import dev.flotilla.model.JavaAppSpec;
import dev.flotilla.support.CapturedStderr;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.TestImages;
import org.junit.jupiter.api.Test;

/**
 * A Java application's image build, done by the real engine, logs at most a line every
 * reporting interval with the context bytes sent and the Dockerfile step it is at, and a last
 * line with the time it took and the steps it ran.
 */
class BuildProgressLinesTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final String BASE_IMAGE = "eclipse-temurin:17-jre";

    @Test
    void aJavaApplicationBuildSaysWhichStepItIsAtAndEndsWithTheTimeTaken() throws Exception {
        ensureBaseImage();
        // A JVM argument no run used before: the image is new, so every step runs.
        String nonce = UUID.randomUUID().toString();
        JavaAppRecipe recipe = JavaAppRecipe.of(new JavaAppSpec(HelloHttpApp.class.getName(), List.of("test-classes"),
                List.of("-Dnonce=" + nonce), BASE_IMAGE), ClassPathEntries.current());
        String tag = "flotilla-app/buildprogress:" + nonce.substring(0, 8);
        List<String> lines;
        try (ProgressLine.Restore fast = ProgressLine.reportingEvery(INTERVAL); CapturedStderr err = CapturedStderr.start()) {
            ImageBuild.run(DockerEngine.get(), "hello", tag, recipe);
            lines = err.lines(" image " + tag + " ");
        } finally {
            TestImages.remove(tag);
        }

        String logger = "INFO dev.flotilla.engine.ImageBuild - ";
        assertThat(lines.get(0)).endsWith(logger + "Building image " + tag + " for service hello");
        List<String> progress = lines.subList(1, lines.size() - 1);
        // The Dockerfile's four steps, and one per label the build adds
        Pattern step = Pattern.compile("step ([1-6])/6 \\((FROM " + BASE_IMAGE + "|COPY app/ /app/|WORKDIR /app|ENTRYPOINT \\[.*|LABEL dev\\.flotilla.*)\\)");
        assertThat(progress).as("the lines between the first and the last: %s", lines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(logger + "Building image " + tag + " for service hello: context ")
                        .matches(".*: context [0-9.]+ k?M?B of [0-9.]+ k?M?B sent, (no step started yet|" + step + "); [0-9.]+ m?s so far"))
                .anySatisfy(line -> assertThat(line).containsPattern(step));
        assertThat(progress.stream().map(step::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).toList())
                .as("steps, line by line").isSorted();
        assertThat(lines.get(lines.size() - 1)).matches(".*" + Pattern.quote(logger + "Built image " + tag) + " \\([0-9a-f]+\\)"
                + " for service hello in [0-9.]+ m?s: 6 steps, context [0-9.]+ k?M?B, from 1 class path entries");
    }

    private static void ensureBaseImage() throws InterruptedException {
        try {
            DockerState.client().inspectImageCmd(BASE_IMAGE).exec();
        } catch (NotFoundException e) {
            new ImagePull(DockerState.client(), BASE_IMAGE, Duration.ofSeconds(60), 3).run();
        }
    }
}
