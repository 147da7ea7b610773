package dev.flotilla.engine;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one container's output through one stream at a time: every line goes to the slf4j
 * logger {@code dev.flotilla.service.<name>} and into a bounded buffer that readiness checks,
 * failure reports and {@code ServiceHandle.logs()} read.
 *
 * <p>Following again (after a restart, or after the stream broke while the container kept
 * running) asks Docker for the output since the last line seen and skips, by Docker's
 * timestamps, what was already kept. A stream that breaks while the container runs is resumed a
 * few times; if it cannot be, the problem is kept and shown wherever the log is, never silent.
 */
final class ContainerLog {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLog.class);
    private static final int MAX_LINES = 20_000;
    private static final int MAX_RESUMES = 5;

    private final String serviceName;
    private final Logger logger;
    private final List<String> secretValues;
    private final LogFiles.Writer stdoutFile;
    private final LogFiles.Writer stderrFile;
    private final Deque<String> lines = new ArrayDeque<>();
    private Instant lastTimestamp = Instant.EPOCH;
    /** How many kept lines carry {@link #lastTimestamp}: engines that stamp whole seconds (Podman) give many the same. */
    private int linesAtLastTimestamp;
    private Stream stream;
    private int resumesInARow;
    private String captureProblem;
    private int streamsOpened;
    /** How many lines were accepted in all; the buffer keeps the last {@link #MAX_LINES} of them. */
    private long accepted;
    /** The number of lines accepted before the container's current run began. */
    private long runStart;

    ContainerLog(String serviceName, List<String> secretValues, Optional<Path> stdoutFile, Optional<Path> stderrFile) {
        this.serviceName = serviceName;
        this.logger = LoggerFactory.getLogger("dev.flotilla.service." + serviceName);
        this.secretValues = secretValues;
        this.stdoutFile = new LogFiles.Writer(stdoutFile);
        this.stderrFile = new LogFiles.Writer(stderrFile);
    }

    /**
     * Follows the container's output, from where the last stream ended; does nothing while a
     * stream is open, so a container is never followed twice.
     *
     * @param stillRunning whether the container runs, asked when a stream breaks: only then is it resumed
     */
    void follow(DockerClient client, String containerId, BooleanSupplier stillRunning) {
        Stream next;
        synchronized (this) {
            if (stream != null && !stream.ended) {
                return;
            }
            next = new Stream(client, containerId, stillRunning, lastTimestamp, linesAtLastTimestamp);
            stream = next;
            streamsOpened++;
        }
        long since = next.resumedAfter.getEpochSecond();
        var command = client.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true).withFollowStream(true).withTimestamps(true);
        if (since > 0) {
            command.withSince((int) since);
        }
        // Outside the lock: a slow engine must not keep readers of the lines waiting.
        try {
            next.handle = command.exec(next);
        } catch (RuntimeException e) {
            next.ended = true;
            throw e;
        }
        if (next.closedByUs) {
            next.release();
        }
    }

    /** Whether no stream is open: the container stopped, or the stream was closed or broke for good. */
    synchronized boolean ended() {
        return stream == null || stream.ended;
    }

    /** How many streams were opened so far: one per start of the container, plus one per resume. */
    synchronized int streamsOpened() {
        return streamsOpened;
    }

    /** Why capturing stopped while the container ran, if it did and could not be resumed. */
    synchronized Optional<String> captureProblem() {
        return Optional.ofNullable(captureProblem);
    }

    /** Stops following. */
    void close() {
        Stream current;
        synchronized (this) {
            current = stream;
            if (current != null) {
                current.closedByUs = true;
                current.ended = true;
            }
        }
        if (current != null) {
            current.release();
        }
        stdoutFile.close();
        stderrFile.close();
    }

    private void accept(Stream source, ByteArrayOutputStream buffer, boolean stderr) {
        String raw = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (raw.endsWith("\r")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        int space = raw.indexOf(' ');
        Instant timestamp = null;
        if (space > 0) {
            try {
                timestamp = Instant.parse(raw.substring(0, space));
            } catch (DateTimeParseException e) {
                timestamp = null;
            }
        }
        String line = SecretDelivery.mask(timestamp == null ? raw : raw.substring(space + 1), secretValues);
        synchronized (this) {
            if (timestamp != null) {
                // A resumed stream starts at a whole second: skip what was kept before it (older
                // lines, and as many lines of the last timestamp as were kept), then take everything.
                if (!source.caughtUp) {
                    if (timestamp.isBefore(source.resumedAfter)
                            || (timestamp.equals(source.resumedAfter) && source.toSkipAtResume-- > 0)) {
                        return;
                    }
                    source.caughtUp = true;
                }
                if (timestamp.isAfter(lastTimestamp)) {
                    lastTimestamp = timestamp;
                    linesAtLastTimestamp = 1;
                } else if (timestamp.equals(lastTimestamp)) {
                    linesAtLastTimestamp++;
                }
            }
            resumesInARow = 0;
            lines.addLast(line);
            accepted++;
            if (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
            // Under the lock, so the file keeps the order of the lines; with the engine's timestamp, masked.
            (stderr ? stderrFile : stdoutFile).line(timestamp == null ? line : timestamp + " " + line);
        }
        logger.info("{}", line);
    }

    /**
     * A stream ended without our asking: normal when the container stopped; otherwise (an error,
     * or the connection closed while it runs) it is resumed, or the problem is kept.
     */
    private void ended(Stream source, Throwable error) {
        synchronized (this) {
            if (source != stream || source.closedByUs) {
                return;
            }
        }
        EngineThreads.EXECUTOR.execute(() -> {
            source.release();
            resume(source, error != null ? error.toString() : "the stream closed while the container runs");
        });
    }

    private void resume(Stream source, String firstCause) {
        String cause = firstCause;
        try {
            while (source.stillRunning.getAsBoolean()) {
                int attempt;
                synchronized (this) {
                    attempt = ++resumesInARow;
                    if (attempt > MAX_RESUMES) {
                        captureProblem = "capturing its output stopped after " + lastTimestamp + ", and " + MAX_RESUMES
                                + " attempts to resume failed: " + cause;
                    }
                }
                if (attempt > MAX_RESUMES) {
                    LOG.warn("Service {}: {}", serviceName, captureProblem().orElse(""));
                    return;
                }
                LOG.debug("Service {}: output stream ended ({}); resuming after {}", serviceName, cause, lastTimestamp);
                Thread.sleep(50L * attempt);
                try {
                    follow(source.client, source.containerId, source.stillRunning);
                    return;
                } catch (RuntimeException e) {
                    cause = e.toString();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lines kept so far. */
    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The last {@code count} lines. */
    synchronized List<String> tail(int count) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /**
     * Marks the start of a new run of the container: from now on, {@link #countMatchesThisRun}
     * counts only what it writes next, so a readiness line of an earlier run does not count again.
     */
    synchronized void markRunStart() {
        runStart = accepted;
    }

    /** How many lines of the container's current run (kept in the buffer) contain a match of {@code pattern}. */
    synchronized int countMatchesThisRun(Pattern pattern) {
        long firstKept = accepted - lines.size();
        long index = firstKept;
        int count = 0;
        for (String line : lines) {
            if (index++ >= runStart && pattern.matcher(line).find()) {
                count++;
            }
        }
        return count;
    }

    /** One follow of the container's output; stdout and stderr are split into lines apart. */
    private final class Stream extends ResultCallback.Adapter<Frame> {
        private final DockerClient client;
        private final String containerId;
        private final BooleanSupplier stillRunning;
        private final Instant resumedAfter;
        private int toSkipAtResume;
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private volatile Closeable handle;
        private volatile boolean ended;
        private volatile boolean closedByUs;
        private boolean caughtUp;

        Stream(DockerClient client, String containerId, BooleanSupplier stillRunning, Instant resumedAfter, int keptAtResumedAfter) {
            this.client = client;
            this.containerId = containerId;
            this.stillRunning = stillRunning;
            this.resumedAfter = resumedAfter;
            this.toSkipAtResume = keptAtResumedAfter;
            this.caughtUp = resumedAfter.equals(Instant.EPOCH);
        }

        @Override
        public void onNext(Frame frame) {
            boolean isStderr = frame.getStreamType() == StreamType.STDERR;
            ByteArrayOutputStream buffer = isStderr ? stderr : stdout;
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    accept(this, buffer, isStderr);
                } else {
                    buffer.write(b);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            flush();
            ended = true;
            ended(this, throwable);
        }

        @Override
        public void onComplete() {
            flush();
            ended = true;
            ended(this, null);
        }

        /** Lets go of the connection behind the stream. */
        void release() {
            Closeable current = handle;
            if (current != null) {
                try {
                    current.close();
                } catch (IOException e) {
                    // the stream is gone either way
                }
            }
        }

        private void flush() {
            if (stdout.size() > 0) {
                accept(this, stdout, false);
            }
            if (stderr.size() > 0) {
                accept(this, stderr, true);
            }
        }
    }
}
