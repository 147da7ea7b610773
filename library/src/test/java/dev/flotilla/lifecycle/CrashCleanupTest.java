package dev.flotilla.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with SIGKILL runs no shutdown hook; with Ryuk disabled, only Flotilla's watchdog
 * can remove its containers. Counted through Docker, over time.
 */
class CrashCleanupTest {

    @Test
    void everythingOfAKilledJvmIsGoneWithinFifteenSeconds() throws Exception {
        killAndCount(ChildJvm.start(CrashProbe.class, Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), List.of()));
    }

    @Test
    void aKilledJvmThatLoadedFlotillaLikeExecJavaIsCleanedUpToo() throws Exception {
        killAndCount(ChildJvm.startIsolated(CrashProbe.class, Map.of("TESTCONTAINERS_RYUK_DISABLED", "true")));
    }

    private static void killAndCount(ChildJvm child) throws Exception {
        String session;
        try {
            String[] ready = child.awaitLine("READY ", 120).split(" ");
            session = ready[1];
            assertThat(countOfSession(session)) // the engine is asked what it holds only when the count is wrong
                    .as(() -> "2 containers, a network and a volume; the engine has " + DockerState.describe(ready[2]))
                    .isEqualTo(4);
        } catch (Throwable failure) {
            child.process().destroy(); // SIGTERM: the child's own shutdown hook removes its topology, labelled or not
            child.process().waitFor();
            throw failure;
        }

        long killedAt = System.nanoTime();
        child.process().destroyForcibly(); // SIGKILL
        child.process().waitFor();

        List<String> timeline = new ArrayList<>();
        long remaining;
        do {
            Thread.sleep(250);
            remaining = countOfSession(session);
            timeline.add(((System.nanoTime() - killedAt) / 1_000_000) + " ms: " + remaining);
        } while (remaining > 0 && System.nanoTime() - killedAt < 30_000_000_000L);

        long millis = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(remaining).as("left after %d ms; timeline %s", millis, timeline).isZero();
        assertThat(millis).as("timeline %s", timeline).isLessThan(15_000);
        System.out.println("Containers, network and volume of the killed JVM gone " + millis + " ms after SIGKILL");
    }

    @Test
    void startingATopologySweepsDeadSessionsOfThisMachineButNothingAlive() throws Exception {
        sweepInAChildAndCheck(ChildJvm::start, () -> { });
    }

    /**
     * The JDK's {@code startInstant()} adds a process's start to the boot time of {@code /proc/stat},
     * whole seconds that move with the wall clock, read once per JVM: on a VM whose clock is adjusted
     * two JVMs see the same live process start a second apart. A sweeping JVM that reads a boot time
     * one second later than the JVM that labelled the containers (a copy of {@code /proc/stat} mounted
     * over it in a mount namespace of its own) must spare the live ones, this JVM's running topology
     * among them, and still sweep the dead ones.
     */
    @Test
    void aSweepingJvmThatSeesTheBootTimeASecondLaterSparesLiveSessions() throws Exception {
        assumeTrue(ChildJvm.canShiftBootTime(), "needs root's unshare and mount (CI runs as root)");
        try (RunningTopology mine = Flotilla.topology("sweptunderclock")
                .service("box", "busybox:1.36", s -> s.command("sleep", "600")).build().start()) {
            String box = mine.service("box").containerId();
            sweepInAChildAndCheck((main, env, options) -> ChildJvm.startWithBootTimeShifted(main, 1), () -> {
                assertThat(exists(DockerState.client(), box)).as("this running test's own container").isTrue();
                assertThat(mine.service("box").exec("echo", "still here").stdout()).contains("still here");
            });
        }
    }

    private interface ChildStart {
        ChildJvm start(Class<?> main, Map<String, String> env, List<String> jvmOptions) throws Exception;
    }

    /** Labels containers as sessions dead and alive would, sweeps in a child JVM, then checks {@code spared} and each container. */
    private static void sweepInAChildAndCheck(ChildStart childStart, Runnable spared) throws Exception {
        DockerClient client = DockerState.client();
        Process deadProcess = new ProcessBuilder("true").start();
        deadProcess.waitFor();
        Process liveProcess = new ProcessBuilder("sleep", "120").start();
        Map<String, String> here = Map.of("host", Files.readString(Path.of("/etc/hostname")).trim(),
                "boot", Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim(),
                "pid-namespace", Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
        String livePid = String.valueOf(liveProcess.pid());
        String liveStart = "ticks:" + startTicks(liveProcess.pid());
        String liveInstant = String.valueOf(liveProcess.info().startInstant().orElseThrow().toEpochMilli());
        String dead = orphan(client, "dead", here, Map.of("pid", String.valueOf(deadProcess.pid())));
        String live = orphan(client, "live", here, Map.of("pid", livePid, "process-start", liveStart));
        String reused = orphan(client, "reused", here, Map.of("pid", livePid, "process-start", "ticks:1"));
        String otherKind = orphan(client, "otherkind", here, Map.of("pid", livePid, "process-start", "epoch-ms:1"));
        // As the previous version labelled a start: the JDK's startInstant, which moves with the clock. The
        // live one carries its real instant, so that a JVM of the previous version sweeping meanwhile spares it too.
        String instantOnly = orphan(client, "instantonly", here, Map.of("pid", livePid, "pid-start", liveInstant));
        String instantOnlyDead = orphan(client, "instantonlydead", here,
                Map.of("pid", String.valueOf(deadProcess.pid()), "pid-start", liveInstant));
        String elsewhere = orphan(client, "elsewhere", here, Map.of("host", "another-machine", "pid", String.valueOf(deadProcess.pid())));
        String otherBoot = orphan(client, "otherboot", here, Map.of("boot", "another-boot", "pid", String.valueOf(deadProcess.pid())));
        String otherNamespace = orphan(client, "otherns", here,
                Map.of("pid-namespace", "pid:[1]", "pid", String.valueOf(deadProcess.pid())));
        // As earlier versions labelled sessions: no boot, no PID namespace.
        String unversioned = client.createContainerCmd("busybox:1.36").withCmd("sleep", "600")
                .withLabels(Map.of(Labels.SESSION, "test-orphan-unversioned-" + Labels.SESSION_ID, "dev.flotilla.host", here.get("host"),
                        "dev.flotilla.pid", String.valueOf(deadProcess.pid()), "dev.flotilla.pid.start", ""))
                .exec().getId();
        List<String> all = List.of(dead, live, reused, otherKind, instantOnly, instantOnlyDead, elsewhere, otherBoot, otherNamespace, unversioned);
        try {
            // A fresh JVM sweeps when it starts its first topology: run one in a child.
            ChildJvm child = childStart.start(SweepProbe.class, Map.of(), List.of());
            assertThat(child.awaitExit(120)).as(child.output()).isZero();

            spared.run();
            assertThat(exists(client, dead)).as("a dead JVM's container").isFalse();
            assertThat(exists(client, instantOnlyDead)).as("a dead JVM's container, labelled by the previous version").isFalse();
            assertThat(exists(client, reused)).as("a container whose PID now belongs to another process").isFalse();
            assertThat(exists(client, live)).as("a live JVM's container").isTrue();
            assertThat(exists(client, otherKind)).as("a live PID whose start was recorded another way").isTrue();
            assertThat(exists(client, instantOnly)).as("a live PID whose start the previous version recorded").isTrue();
            assertThat(exists(client, elsewhere)).as("another machine's container").isTrue();
            assertThat(exists(client, otherBoot)).as("a container of another boot, or a machine of the same name").isTrue();
            assertThat(exists(client, otherNamespace)).as("a container of a JVM in another PID namespace").isTrue();
            assertThat(exists(client, unversioned)).as("a container of a session labelled without a PID namespace").isTrue();
        } finally {
            liveProcess.destroy();
            for (String id : all) {
                if (exists(client, id)) {
                    client.removeContainerCmd(id).withForce(true).exec();
                }
            }
        }
    }

    /** Field 22 of {@code /proc/<pid>/stat}, counted after the command's name in parentheses. */
    private static long startTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
    }

    /** A container labelled as if a session of this machine had created it, but for the parts given. */
    private static String orphan(DockerClient client, String name, Map<String, String> here, Map<String, String> parts) {
        Map<String, String> labels = new HashMap<>();
        labels.put(Labels.SESSION, "test-orphan-" + name + "-" + Labels.SESSION_ID);
        here.forEach((part, value) -> labels.put("dev.flotilla.owner." + part, value));
        parts.forEach((part, value) -> labels.put("dev.flotilla.owner." + part, value));
        labels.putIfAbsent("dev.flotilla.owner.process-start", "");
        return client.createContainerCmd("busybox:1.36").withCmd("sleep", "600").withLabels(labels).exec().getId();
    }

    private static boolean exists(DockerClient client, String id) {
        return !client.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty();
    }

    private static long countOfSession(String session) {
        DockerClient client = DockerState.client();
        long containers = client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.SESSION, session)).exec().size();
        long networks = client.listNetworksCmd().withFilter("label", List.of(Labels.SESSION + "=" + session)).exec().size();
        return containers + networks + DockerState.volumes(Labels.SESSION, session);
    }

    /** Starts and stops one topology, which makes its JVM sweep dead sessions. */
    public static final class SweepProbe {
        public static void main(String[] args) throws Exception {
            try (RunningTopology running = Flotilla.topology("sweepprobe").service("box", "busybox:1.36", s -> s.command("sleep", "60")).build().start()) {
                Thread.sleep(2000); // the sweep runs beside the start
            }
            System.exit(0);
        }
    }
}
