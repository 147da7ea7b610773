package dev.flotilla.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 *
 * <p>A reused PID is told apart by when its process started. On Linux that is read as the kernel
 * keeps it, in clock ticks since boot ({@code /proc/<pid>/stat}, field 22), not as
 * {@link ProcessHandle.Info#startInstant()}: the JDK computes that instant from the boot time in
 * {@code /proc/stat}, in whole seconds and read once by each JVM, and where the wall clock is
 * adjusted (a VM, NTP) that boot time moves, so two JVMs that read it a second apart see the same
 * live process start a second apart. Elsewhere the instant is the operating system's record of the
 * start and does not move. Each value names its kind, and values of different kinds, or of a kind
 * this JVM cannot read, prove nothing.
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
    /**
     * When that process started, so that a reused PID is told apart: {@code ticks:<n>} (clock ticks
     * after boot, Linux) or {@code epoch-ms:<n>} (elsewhere).
     */
    static final String PROCESS_START_LABEL = "dev.flotilla.owner.process-start";

    // Earlier versions labelled sessions dev.flotilla.host, dev.flotilla.pid and dev.flotilla.pid.start,
    // which name no PID namespace, and later dev.flotilla.owner.pid-start, the start as the JDK's
    // startInstant in epoch milliseconds, which moves with the wall clock on Linux. Sessions carrying
    // only those are uncertain here while their PID lives, so never swept while it does. Sessions no
    // longer carry those keys, so that an earlier version running on the same machine, which compares
    // them exactly, finds no start to compare and leaves these sessions alone too.
    private static final String TICKS = "ticks:";
    private static final String EPOCH_MILLIS = "epoch-ms:";

    /** On systems without PID namespaces or boot ids (macOS, Windows): the same for every process there. */
    private static final String NOT_APPLICABLE = "none";

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    static final String HOST = hostName();
    static final String BOOT = linuxOnly(() -> Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim());
    static final String PID_NAMESPACE = linuxOnly(() -> Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
    static final long PID = ProcessHandle.current().pid();
    static final String PROCESS_START = startOf(ProcessHandle.current());

    private SessionIdentity() {
    }

    /** The labels that identify this JVM. */
    static Map<String, String> labels() {
        return Map.of(HOST_LABEL, HOST, BOOT_LABEL, BOOT, PID_NAMESPACE_LABEL, PID_NAMESPACE,
                PID_LABEL, String.valueOf(PID), PROCESS_START_LABEL, PROCESS_START);
    }

    /**
     * Whether the session that carries these labels is certainly dead: it ran on this machine, in
     * this boot and this PID namespace, and its process is gone or was replaced (it started at
     * another time, read the same way on both sides). Anything uncertain (another machine, boot or
     * namespace, a part that could not be read on either side, a start recorded another way)
     * counts as alive.
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
        String recordedStart = labels.getOrDefault(PROCESS_START_LABEL, "");
        String actualStart = startOf(process.get());
        return comparable(recordedStart) && comparable(actualStart) && kind(recordedStart).equals(kind(actualStart))
                && !recordedStart.equals(actualStart);
    }

    private static boolean comparable(String start) {
        return start.startsWith(TICKS) || start.startsWith(EPOCH_MILLIS);
    }

    private static String kind(String start) {
        return start.substring(0, start.indexOf(':') + 1);
    }

    /** An empty part is one that could not be read: it matches nothing, not even another empty one. */
    private static boolean sameKnownPart(String ours, String theirs) {
        return !ours.isEmpty() && ours.equals(theirs);
    }

    /** When {@code process} started, as {@link #PROCESS_START_LABEL} records it, or "" where it cannot be read. */
    static String startOf(ProcessHandle process) {
        if (LINUX) {
            return linuxOnly(() -> ticksAfterBoot(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))));
        }
        return process.info().startInstant().map(i -> EPOCH_MILLIS + i.toEpochMilli()).orElse("");
    }

    /**
     * The start time of a {@code /proc/<pid>/stat} line: field 22. The second field, the command's
     * name in parentheses, may itself hold spaces and parentheses, so fields are counted after its
     * last closing one (which is followed by field 3).
     */
    static String ticksAfterBoot(String stat) {
        List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+"));
        return fields.size() > 19 ? TICKS + Long.parseLong(fields.get(19)) : "";
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
