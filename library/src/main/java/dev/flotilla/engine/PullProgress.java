package dev.flotilla.engine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine reports about one attempt at a pull: when it last reported progress, whether
 * it ended, how it failed, and how far it got ({@link PullTally}, which {@link ImagePull} logs
 * every few seconds).
 *
 * <p>Closing it calls the attempt off, also before the engine has answered at all: docker-java's
 * own callbacks forget a close that comes before the answer starts, and keep reading; this one
 * closes the answer the moment it arrives, which makes the engine stop pulling for it.
 */
final class PullProgress implements ResultCallback<PullResponseItem> {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    /** docker-java words an engine's error answer as {@code Status 500: {"message":"..."}}. */
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\\{\"message\":\"(.*)\"}", Pattern.DOTALL);

    private final String image;
    private final PullTally tally = new PullTally();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long lastProgress = System.nanoTime();
    private volatile String failure;
    private String lastStatus;
    private Closeable answer;
    private boolean closed;

    PullProgress(String image) {
        this.image = image;
    }

    @Override
    public void onStart(Closeable answer) {
        lastProgress = System.nanoTime();
        synchronized (this) {
            if (!closed) {
                this.answer = answer;
                return;
            }
        }
        closeQuietly(answer);
    }

    @Override
    @SuppressWarnings("deprecation") // getError(): the only words of engines that send no error detail
    public void onNext(PullResponseItem item) {
        lastProgress = System.nanoTime();
        if (item.isErrorIndicated()) {
            failure = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
            return;
        }
        var detail = item.getProgressDetail();
        tally.record(item.getId(), item.getStatus(), detail == null ? null : detail.getCurrent(), detail == null ? null : detail.getTotal());
        // The image's digest and the engine's last word; the INFO lines are the tally's, a few seconds apart.
        if (item.getId() == null && item.getStatus() != null && !item.getStatus().equals(lastStatus)) {
            lastStatus = item.getStatus();
            LOG.debug("{}: {}", image, item.getStatus());
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // Reported by the caller with the service's name; docker-java's default would log it as a bare ERROR first.
        if (failure == null) {
            failure = engineMessage(throwable);
        }
        ended.countDown();
    }

    @Override
    public void onComplete() {
        ended.countDown();
    }

    /** Calls the attempt off: closes the engine's answer now, or as soon as it starts. */
    @Override
    public void close() {
        Closeable toClose;
        synchronized (this) {
            closed = true;
            toClose = answer;
        }
        if (toClose != null) {
            closeQuietly(toClose);
        }
        ended.countDown();
    }

    /** Waits at most {@code timeout} for the attempt to end; true if it did. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** How long ago the engine last reported anything. */
    Duration sinceLastProgress() {
        return Duration.ofNanos(System.nanoTime() - lastProgress);
    }

    /** How far the attempt is, for a progress line; says so when the engine has been quiet for a while. */
    String progress() {
        Duration quiet = sinceLastProgress();
        return tally.progress() + (quiet.compareTo(ProgressLine.EVERY) >= 0 ? ", no news from the engine for " + Durations.took(quiet) : "");
    }

    /** What the attempt fetched, for the last line of a pull that succeeded. */
    String outcome() {
        return tally.outcome();
    }

    /** The engine's words for how the attempt failed; empty if it succeeded (or has not ended). */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private static String engineMessage(Throwable throwable) {
        String message = String.valueOf(throwable.getMessage()).strip();
        if (throwable instanceof DockerException) {
            Matcher m = ENGINE_MESSAGE.matcher(message);
            if (m.find()) {
                return m.group(1).replace("\\\"", "\"");
            }
        }
        return message;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing a pull's answer failed; it ends with the connection", e);
        }
    }
}
