package dev.flotilla.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns a session, so that a later JVM can tell a dead session from a live one: the machine
 * (host name and boot), the PID namespace, and the process (PID and when it started).
 *
 * <p>A PID names a process only within one PID namespace of one boot of one machine. JVMs in
 * containers on the host network share the host's name but not its PID namespace; containers
 * share the kernel's boot id, but every Linux machine's first PID namespace has the same inode,
 * so neither part alone identifies a namespace. A session is therefore judged only from the same
 * host, boot and PID namespace. Anything else is uncertain, and uncertain counts as alive:
 * leaving a dead JVM's containers costs some memory until its watchdog or the user removes them,
 * while removing a live JVM's containers fails its run.
 */
final class SessionIdentity {

    /** The machine's host name. */
    static final String HOST_LABEL = "dev.flotilla.owner.host";
    /** The kernel's boot id: another boot, or another machine of the same name, has another. */
    static final String BOOT_LABEL = "dev.flotilla.owner.boot";
    /** The PID namespace, as {@code /proc/self/ns/pid} names it ({@code pid:[4026531836]}). */
    static final String PID_NAMESPACE_LABEL = "dev.flotilla.owner.pid-namespace";
    /** The session JVM's process id, within its PID namespace. */
    static final String PID_LABEL = "dev.flotilla.owner.pid";
    /** When that process started, in epoch milliseconds: a reused PID has another start time. */
    static final String PID_START_LABEL = "dev.flotilla.owner.pid-start";

    // Earlier versions labelled sessions dev.flotilla.host, dev.flotilla.pid and dev.flotilla.pid.start,
    // which name no PID namespace. Sessions carrying only those are uncertain here, so never swept.
    // Sessions no longer carry those keys, so that an earlier version running on the same machine,
    // which judges by host name and PID alone, leaves these sessions alone too.

    /** On systems without PID namespaces or boot ids (macOS, Windows): the same for every process there. */
    private static final String NOT_APPLICABLE = "none";

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    static final String HOST = hostName();
    static final String BOOT = linuxOnly(() -> Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim());
    static final String PID_NAMESPACE = linuxOnly(() -> Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
    static final long PID = ProcessHandle.current().pid();
    static final String PID_START = startOf(ProcessHandle.current());

    private SessionIdentity() {
    }

    /** The labels that identify this JVM. */
    static Map<String, String> labels() {
        return Map.of(HOST_LABEL, HOST, BOOT_LABEL, BOOT, PID_NAMESPACE_LABEL, PID_NAMESPACE,
                PID_LABEL, String.valueOf(PID), PID_START_LABEL, PID_START);
    }

    /**
     * Whether the session that carries these labels is certainly dead: it ran on this machine, in
     * this boot and this PID namespace, and its process is gone or was replaced. Anything
     * uncertain (another machine, boot or namespace, or a part that could not be read on either
     * side) counts as alive.
     */
    static boolean isCertainlyDead(Map<String, String> labels) {
        if (!sameKnownPart(HOST, labels.get(HOST_LABEL)) || !sameKnownPart(BOOT, labels.get(BOOT_LABEL))
                || !sameKnownPart(PID_NAMESPACE, labels.get(PID_NAMESPACE_LABEL))) {
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
        String actualStart = startOf(process.get());
        return !recordedStart.isEmpty() && !actualStart.isEmpty() && !recordedStart.equals(actualStart);
    }

    /** An empty part is one that could not be read: it matches nothing, not even another empty one. */
    private static boolean sameKnownPart(String ours, String theirs) {
        return !ours.isEmpty() && ours.equals(theirs);
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(i -> String.valueOf(i.toEpochMilli())).orElse("");
    }

    private interface Reader {
        String read() throws IOException;
    }

    /** The part on Linux, or "" where Linux does not let it be read; {@link #NOT_APPLICABLE} elsewhere. */
    private static String linuxOnly(Reader reader) {
        if (!LINUX) {
            return NOT_APPLICABLE;
        }
        try {
            return reader.read();
        } catch (IOException | RuntimeException e) {
            return "";
        }
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
            return "";
        }
    }
}
