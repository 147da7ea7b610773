package dev.flotilla.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the watchdog does for the log files before it removes a dead JVM's containers: appends
 * to each service's files what the container wrote after the JVM stopped following it, so the
 * files end where the container's output ended, not where the JVM died. It masks with the secret
 * values the JVM handed it over its pipe, so no secret reaches a file here either.
 */
final class CrashLogs {

    private static final Logger LOG = LoggerFactory.getLogger(CrashLogs.class);

    private CrashLogs() {
    }

    /** Completes the log files of every container of {@code sessionId} under {@code runDirectory}. */
    static void complete(DockerClient client, String sessionId, Path runDirectory, List<String> secrets) {
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.SESSION, sessionId)).exec()) {
            Map<String, String> labels = container.getLabels();
            String topology = labels.get(Labels.TOPOLOGY_NAME);
            String instance = labels.get(Labels.TOPOLOGY);
            String service = Labels.replicaName(labels);
            if (topology == null || instance == null || service == null) {
                continue;
            }
            Path directory = runDirectory.resolve(LogFiles.instanceDirectoryName(topology, instance));
            try {
                complete(client, container.getId(), directory.resolve(LogFiles.stdoutName(service)),
                        directory.resolve(LogFiles.stderrName(service)), secrets);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not complete the log files of service {} ({})", service, container.getId(), e);
            }
        }
    }

    private static void complete(DockerClient client, String containerId, Path stdout, Path stderr, List<String> secrets)
            throws IOException {
        Last lastOut = Last.of(stdout);
        Last lastErr = Last.of(stderr);
        Instant since = lastOut.time.isBefore(lastErr.time) ? lastOut.time : lastErr.time;
        var command = client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTimestamps(true);
        if (since.getEpochSecond() > 0) {
            command.withSince((int) since.getEpochSecond());
        }
        List<String> newOut = new ArrayList<>();
        List<String> newErr = new ArrayList<>();
        try {
            command.exec(new ResultCallback.Adapter<Frame>() {
                private final StringBuilder out = new StringBuilder();
                private final StringBuilder err = new StringBuilder();

                @Override
                public void onNext(Frame frame) {
                    boolean isErr = frame.getStreamType() == StreamType.STDERR;
                    (isErr ? err : out).append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    drain(isErr ? err : out, isErr ? newErr : newOut, false);
                }

                @Override
                public void onComplete() {
                    drain(out, newOut, true);
                    drain(err, newErr, true);
                    super.onComplete();
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        append(stdout, lastOut.newer(newOut), secrets);
        append(stderr, lastErr.newer(newErr), secrets);
    }

    private static void drain(StringBuilder buffer, List<String> lines, boolean all) {
        for (int newline; (newline = buffer.indexOf("\n")) >= 0; ) {
            lines.add(stripCarriageReturn(buffer.substring(0, newline)));
            buffer.delete(0, newline + 1);
        }
        if (all && buffer.length() > 0) {
            lines.add(stripCarriageReturn(buffer.toString()));
            buffer.setLength(0);
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static void append(Path file, List<String> lines, List<String> secrets) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(SecretDelivery.mask(line, secrets)).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The last timestamp of a log file, and how many of its lines carry it (engines that stamp whole seconds give many the same). */
    private record Last(Instant time, int count) {

        static Last of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new Last(Instant.EPOCH, 0);
            }
            Instant last = Instant.EPOCH;
            int count = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Instant time = timestamp(line);
                if (time == null) {
                    continue;
                }
                if (time.isAfter(last)) {
                    last = time;
                    count = 1;
                } else if (time.equals(last)) {
                    count++;
                }
            }
            return new Last(last, count);
        }

        /** The lines of Docker's output that come after what the file holds. */
        List<String> newer(List<String> lines) {
            List<String> newer = new ArrayList<>();
            int toSkip = count;
            for (String line : lines) {
                Instant time = timestamp(line);
                if (time != null && newer.isEmpty() && (time.isBefore(this.time) || (time.equals(this.time) && toSkip-- > 0))) {
                    continue;
                }
                newer.add(line);
            }
            return newer;
        }
    }

    private static Instant timestamp(String line) {
        int space = line.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        try {
            return Instant.parse(line.substring(0, space));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
