package dev.flotilla.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns a session: the machine and the process, so that a later JVM on the same machine can
 * tell a dead session (its process is gone, or its PID now belongs to another process) from a
 * live one. Sessions of other machines are never judged.
 */
final class SessionIdentity {

    /** The machine the session's JVM runs on. */
    static final String HOST_LABEL = "dev.flotilla.host";
    /** The session JVM's process id. */
    static final String PID_LABEL = "dev.flotilla.pid";
    /** When that process started, in epoch milliseconds: a reused PID has another start time. */
    static final String PID_START_LABEL = "dev.flotilla.pid.start";

    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();
    static final String PID_START = startOf(ProcessHandle.current()).map(i -> String.valueOf(i.toEpochMilli())).orElse("");

    private SessionIdentity() {
    }

    /** The labels that identify this JVM. */
    static Map<String, String> labels() {
        return Map.of(HOST_LABEL, HOST, PID_LABEL, String.valueOf(PID), PID_START_LABEL, PID_START);
    }

    /**
     * Whether the session that carries these labels is certainly dead: it ran on this machine and
     * its process is gone or was replaced. Anything uncertain counts as alive.
     */
    static boolean isCertainlyDead(Map<String, String> labels) {
        if (!HOST.equals(labels.get(HOST_LABEL))) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(labels.getOrDefault(PID_LABEL, ""));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        String recordedStart = labels.getOrDefault(PID_START_LABEL, "");
        String actualStart = startOf(process.get()).map(i -> String.valueOf(i.toEpochMilli())).orElse("");
        return !recordedStart.isEmpty() && !actualStart.isEmpty() && !recordedStart.equals(actualStart);
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    private static String hostName() {
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
