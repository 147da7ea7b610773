package dev.flotilla.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build of an image from a {@link BuildContext} (a Java application's {@link JavaAppRecipe}, a
 * service's own Dockerfile): writes the context to a temporary file, sends it to the engine, and
 * says every few seconds how far the build is (context bytes sent, Dockerfile step:
 * {@link BuildTally}), and at the end how long it took. The build's own output goes to the
 * service's logger at DEBUG, and its last lines into the error when it fails.
 */
final class ImageBuild {

    private static final Logger LOG = LoggerFactory.getLogger(ImageBuild.class);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private static final int TAG_HASH_LENGTH = 24;

    private ImageBuild() {
    }

    /**
     * The image of {@code serviceName} tagged {@code <repository>/<service>:<hash>}: the one the
     * engine has, or else built from {@code context}. An unchanged content (same hash) never rebuilds.
     *
     * @param unchanged what an equal hash means, for the log line of a reuse, such as "its class path is unchanged"
     * @return the tag
     */
    static String reuseOrBuild(DockerEngine docker, String serviceName, String repository, String hash, BuildContext context,
            String unchanged) throws IOException {
        long start = System.nanoTime();
        String tag = repository + "/" + repositoryName(serviceName) + ":" + hash.substring(0, TAG_HASH_LENGTH);
        try {
            docker.client().inspectImageCmd(tag).exec();
            LOG.info("Reusing image {} for service {}: {} (checked in {} ms)", tag, serviceName, unchanged,
                    (System.nanoTime() - start) / 1_000_000);
            return tag;
        } catch (NotFoundException e) {
            // not built yet with this content
        }
        run(docker, serviceName, tag, context);
        return tag;
    }

    /** A repository path component: lower-case letters and digits, single separators. */
    static String repositoryName(String serviceName) {
        String name = serviceName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "app" : name;
    }

    /**
     * Builds the image and tags it {@code tag}.
     *
     * @throws IllegalStateException if the engine fails the build, it takes longer than its
     *     timeout, or this thread is interrupted (its interrupt status kept)
     */
    static void run(DockerEngine docker, String serviceName, String tag, BuildContext recipe) throws IOException {
        ProgressLine line = new ProgressLine(LOG, "Building image " + tag + " for service " + serviceName);
        LOG.info("Building image {} for service {}", tag, serviceName);
        Path context = Files.createTempFile("flotilla-build-", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(context)) {
                recipe.writeContext(out);
            }
            BuildTally tally = new BuildTally(Files.size(context));
            try (InputStream in = new Counted(Files.newInputStream(context), tally)) {
                BuildImageCmd command = docker.client().buildImageCmd()
                        .withTarInputStream(in)
                        .withDockerfilePath(recipe.dockerfilePath())
                        .withTags(Set.of(tag))
                        .withLabels(Map.of(JavaAppImages.APP_LABEL, "true", JavaAppImages.BUILT_LABEL, Instant.now().toString()))
                        .withPull(false)
                        .withRemove(true)
                        .withForcerm(true);
                recipe.args().forEach(command::withBuildArg);
                recipe.target().ifPresent(command::withTarget);
                Watched build = command.exec(new Watched(serviceName, tally));
                String imageId = await(build, line, tally);
                LOG.info("Built image {} ({}) for service {} in {}: {}, {}", tag, imageId, serviceName,
                        Durations.took(line.elapsed()), tally.outcome(), recipe.summary());
            }
        } finally {
            Files.deleteIfExists(context);
        }
    }

    /** Waits for the build's end, saying how far it is every few seconds; returns the image id. */
    private static String await(Watched build, ProgressLine line, BuildTally tally) {
        try {
            while (!build.ended.await(line.untilNext().toNanos(), TimeUnit.NANOSECONDS)) {
                if (line.elapsed().compareTo(BUILD_TIMEOUT) > 0) {
                    closeQuietly(build);
                    throw new IllegalStateException("the build did not finish within " + Durations.format(BUILD_TIMEOUT)
                            + " (it was at " + tally.progress() + ")");
                }
                line.report(tally::progress);
            }
        } catch (InterruptedException e) {
            closeQuietly(build);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the build was interrupted at " + tally.progress(), e);
        }
        return build.awaitImageId(); // ended: returns at once, or throws the engine's error
    }

    private static void closeQuietly(Watched build) {
        try {
            build.close();
        } catch (IOException e) {
            LOG.debug("Closing a build's answer failed; it ends with the connection", e);
        }
    }

    /**
     * The engine's answer to the build, fed to the tally. It has a latch of its own because
     * docker-java's timed wait closes the answer when the wait times out.
     */
    private static final class Watched extends BuildImageResultCallback {
        private final String serviceName;
        private final BuildTally tally;
        private final CountDownLatch ended = new CountDownLatch(1);

        Watched(String serviceName, BuildTally tally) {
            this.serviceName = serviceName;
            this.tally = tally;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null && !item.getStream().isBlank()) {
                LOG.debug("{} build: {}", serviceName, item.getStream().strip());
                tally.record(item.getStream());
            }
            super.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            super.onError(throwable);
            ended.countDown();
        }

        @Override
        public void onComplete() {
            super.onComplete();
            ended.countDown();
        }
    }

    /** The context's bytes, counted as the engine reads them. */
    private static final class Counted extends FilterInputStream {
        private final BuildTally tally;

        Counted(InputStream in, BuildTally tally) {
            super(in);
            this.tally = tally;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                tally.sent(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                tally.sent(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            tally.sent(skipped);
            return skipped;
        }
    }
}
