package dev.flotilla.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One image's pull: attempts that each end when the engine reports no progress for the stall
 * timeout, retried with growing pauses while the failure is one that may pass (the registry
 * answered 5xx, a connection was refused or reset, something timed out), up to a number of
 * attempts. A failure that will not pass ("not found", "unauthorized", anything not known to
 * pass) fails at once. {@link #cancel()} calls it off from another thread. While it runs, it
 * says how far it is every few seconds ({@link ProgressLine}), and at the end how long it took.
 */
final class ImagePull {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    /** The engine's words for failures that will not pass, lower case, even where they also name a timeout or a status. */
    private static final Pattern LASTING = Pattern.compile("not found|manifest unknown|unauthorized|denied|authentication required");
    /** The engine's words for failures that may pass, lower case. Anything else is not retried. */
    private static final List<Pattern> PASSING = List.of(
            Pattern.compile("status:? 5\\d\\d"),            // the registry: received unexpected HTTP status: 503 Service Unavailable
            Pattern.compile("connection (refused|reset)"),
            Pattern.compile("timeout|timed out|deadline exceeded"),
            Pattern.compile("unexpected eof|broken pipe|temporary failure in name resolution"));

    private final DockerClient client;
    private final String image;
    private final Duration stallTimeout;
    private final int attempts;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile PullProgress current;

    ImagePull(DockerClient client, String image, Duration stallTimeout, int attempts) {
        this.client = client;
        this.image = image;
        this.stallTimeout = stallTimeout;
        this.attempts = attempts;
    }

    /** A pull that failed; the message continues "image "x" ...", the fix says what to do. */
    static final class Failure extends RuntimeException {
        private final String fix;

        Failure(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        String fix() {
            return fix;
        }
    }

    /**
     * Pulls, attempt by attempt.
     *
     * @throws Failure if the pull fails for good
     * @throws InterruptedException if this thread is interrupted or the pull is cancelled; the attempt under way is called off first
     */
    void run() throws InterruptedException {
        ProgressLine line = new ProgressLine(LOG, "Pulling image " + image);
        LOG.info("Pulling image {}", image);
        for (int attempt = 1; ; attempt++) {
            Failed failed = attempt(line);
            if (failed == null) {
                LOG.info("Pulled image {} in {}: {}", image, Durations.took(line.elapsed()), current.outcome());
                return;
            }
            String failure = failed.words();
            if (!failed.mayPass()) {
                throw new Failure("could not be pulled: " + failure + " (not retried: only timeouts, stalls, refused or reset"
                        + " connections and 5xx answers are)", ImagePuller.CHECK_THE_NAME);
            }
            if (attempt >= attempts) {
                throw new Failure("could not be pulled in " + attempts + (attempts == 1 ? " attempt" : " attempts") + "; last: " + failure,
                        "check that the Docker engine reaches the image's registry (try: docker pull " + image + ");"
                                + " for a slow or busy registry, raise " + FlotillaSettings.PULL_STALL_TIMEOUT + " (now "
                                + Durations.format(stallTimeout) + ") or " + FlotillaSettings.PULL_ATTEMPTS + " (now " + attempts + ").");
            }
            Duration pause = pauseAfter(attempt);
            LOG.warn("Pull of image {} failed, attempt {} of {}: {}; trying again in {}", image, attempt, attempts, failure,
                    Durations.format(pause));
            if (cancelled.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("pull of " + image + " cancelled");
            }
        }
    }

    /** Calls the pull off: the attempt under way ends now, and no other starts. */
    void cancel() {
        cancelled.countDown();
        PullProgress progress = current;
        if (progress != null) {
            progress.close();
        }
    }

    /** How an attempt failed: the engine's words, or the stall; and whether another attempt may go better. */
    private record Failed(String words, boolean mayPass) {
        static Failed saying(String words) {
            return new Failed(words, isPassing(words));
        }
    }

    /** One attempt, saying how far it is on {@code line}; null if it succeeded. */
    private Failed attempt(ProgressLine line) throws InterruptedException {
        PullProgress progress = new PullProgress(image);
        current = progress;
        if (cancelled.getCount() == 0) {
            throw new InterruptedException("pull of " + image + " cancelled");
        }
        try {
            client.pullImageCmd(repository()).withTag(tag()).exec(progress);
            // Wakes when the attempt ends, stalls, or is due to say how far it is, whichever comes first.
            while (!progress.awaitEnd(shorter(stallTimeout.minus(progress.sinceLastProgress()), line.untilNext()))) {
                if (progress.sinceLastProgress().compareTo(stallTimeout) >= 0) {
                    progress.close();
                    return new Failed("no progress for " + Durations.format(stallTimeout) + " (stalled)", true);
                }
                line.report(progress::progress);
            }
        } catch (InterruptedException e) {
            progress.close();
            throw e;
        } catch (RuntimeException e) {
            progress.close();
            return Failed.saying(String.valueOf(e.getMessage()));
        }
        if (cancelled.getCount() == 0) {
            throw new InterruptedException("pull of " + image + " cancelled");
        }
        return progress.failure().map(Failed::saying).orElse(null);
    }

    /** Whether a failure in the engine's words may pass, so that another attempt may go better. */
    static boolean isPassing(String failure) {
        String words = failure.toLowerCase(Locale.ROOT);
        return !LASTING.matcher(words).find() && PASSING.stream().anyMatch(p -> p.matcher(words).find());
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration pauseAfter(int attempt) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 10));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private String repository() {
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at > 0) {
            return image.substring(0, at);
        }
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    private String tag() {
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at > 0) {
            return image.substring(at + 1);
        }
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }
}
