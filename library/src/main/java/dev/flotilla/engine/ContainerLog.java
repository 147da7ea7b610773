package dev.flotilla.engine;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one container's output: every line goes to the slf4j logger
 * {@code dev.flotilla.service.<name>} and into a bounded buffer that readiness checks, failure
 * reports and {@code ServiceHandle.logs()} read. Following again after a restart skips the
 * lines already seen, by their Docker timestamps.
 */
final class ContainerLog {

    private static final int MAX_LINES = 20_000;

    private final Logger logger;
    private final List<String> secretValues;
    private final Deque<String> lines = new ArrayDeque<>();
    private long totalLines;
    private Instant lastTimestamp = Instant.EPOCH;
    private volatile Closeable stream;
    private volatile boolean ended = true;

    ContainerLog(String serviceName, List<String> secretValues) {
        this.logger = LoggerFactory.getLogger("dev.flotilla.service." + serviceName);
        this.secretValues = secretValues;
    }

    /** Starts following the container's output from where the previous follow ended. */
    void follow(DockerClient client, String containerId) {
        ended = false;
        long since;
        synchronized (this) {
            since = lastTimestamp.getEpochSecond();
        }
        var command = client.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true).withFollowStream(true).withTimestamps(true);
        if (since > 0) {
            command.withSince((int) since);
        }
        stream = command.exec(new ResultCallback.Adapter<Frame>() {
            private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            @Override
            public void onNext(Frame frame) {
                ByteArrayOutputStream buffer = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
                for (byte b : frame.getPayload()) {
                    if (b == '\n') {
                        accept(buffer);
                    } else {
                        buffer.write(b);
                    }
                }
            }

            @Override
            public void onError(Throwable throwable) {
                finish();
            }

            @Override
            public void onComplete() {
                finish();
            }

            private void finish() {
                if (stdout.size() > 0) {
                    accept(stdout);
                }
                if (stderr.size() > 0) {
                    accept(stderr);
                }
                ended = true;
            }
        });
    }

    private void accept(ByteArrayOutputStream buffer) {
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
                if (!timestamp.isAfter(lastTimestamp)) {
                    return; // seen before a restart
                }
                lastTimestamp = timestamp;
            }
            lines.addLast(line);
            totalLines++;
            if (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
        }
        logger.info("{}", line);
    }

    /** Whether the log stream has ended, which happens when the container stops. */
    boolean ended() {
        return ended;
    }

    /** Stops following. */
    void close() {
        Closeable current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // the stream is gone either way
            }
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

    /** How many kept lines contain a match of {@code pattern}. */
    synchronized int countMatches(Pattern pattern) {
        int count = 0;
        for (String line : lines) {
            if (pattern.matcher(line).find()) {
                count++;
            }
        }
        return count;
    }
}
