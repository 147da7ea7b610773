package dev.flotilla.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * Many JVMs at once on one engine, as forks and builds of one CI machine are: some hold topologies
 * (start, use, stop, again), a stream of fresh JVMs each sweeps dead sessions as its first topology
 * starts, and one is killed now and then, leaving a dead session for its watchdog. Some JVMs see the
 * boot time a second earlier or later than others, as JVMs on a VM whose clock is adjusted do. Counted
 * from Docker's event log: every container of a holder is destroyed only once that holder began
 * its own teardown.
 *
 * <p>It runs for {@code flotilla.test.soak.seconds} (default 40 s, which keeps CI's run short and
 * still holds about a dozen sweeps beside some fifty topologies; set it higher to soak for minutes).
 */
class ManyJvmsSweepTest {

    private static final Pattern CLOSING = Pattern.compile("^CLOSING (\\S+) (\\d+)$", Pattern.MULTILINE);

    @Test
    void noSweepRemovesAnythingOfALiveJvm() throws Exception {
        long seconds = Long.getLong("flotilla.test.soak.seconds", 40);
        boolean shifted = ChildJvm.canShiftBootTime();
        // Followed live: the engine keeps only its latest events (256 on Docker 20.10), fewer than a busy machine makes in a minute.
        List<Event> destroys = new CopyOnWriteArrayList<>();
        ResultCallback.Adapter<Event> following = DockerState.client().eventsCmd().withEventFilter("destroy")
                .withLabelFilter(Labels.SESSION).exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        destroys.add(event);
                    }
                });
        String run = "soak" + Long.toString(System.nanoTime() % 1_000_000, 36);

        List<ChildJvm> holders = new ArrayList<>();
        try {
            soak(run, seconds, shifted, holders, destroys);
        } finally {
            following.close();
            holders.forEach(holder -> holder.process().destroy()); // a failed soak leaves no JVM running on: each removes its own
        }
    }

    private static void soak(String run, long seconds, boolean shifted, List<ChildJvm> holders, List<Event> destroys) throws Exception {
        for (int i = 0; i < 3; i++) {
            String prefix = run + "h" + i;
            holders.add(shifted && i > 0
                    ? ChildJvm.startWithBootTimeShifted(SweepSoakProbe.class, i == 1 ? 1 : -1, prefix, String.valueOf(seconds))
                    : ChildJvm.start(SweepSoakProbe.class, Map.of(), List.of(), prefix, String.valueOf(seconds)));
        }
        int sweepers = 0;
        int killed = 0;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            ChildJvm sweeper = shifted && sweepers % 3 != 0
                    ? ChildJvm.startWithBootTimeShifted(CrashCleanupTest.SweepProbe.class, sweepers % 3 == 1 ? 1 : -1)
                    : ChildJvm.start(CrashCleanupTest.SweepProbe.class, Map.of(), List.of());
            if (sweepers % 4 == 3) {
                ChildJvm doomed = ChildJvm.start(CrashProbe.class, Map.of(), List.of());
                doomed.awaitLine("READY ", 120);
                doomed.process().destroyForcibly();
                doomed.process().waitFor();
                killed++;
            }
            assertThat(sweeper.awaitExit(120)).as(sweeper.output()).isZero();
            sweepers++;
        }
        Map<String, Long> closingAt = new HashMap<>();
        for (ChildJvm holder : holders) {
            assertThat(holder.awaitExit(seconds + 120)).as(holder.output()).isZero();
            assertThat(holder.output()).as("a holder's container gone while it ran").doesNotContain("LOST ");
            Matcher closing = CLOSING.matcher(holder.output());
            while (closing.find()) {
                closingAt.put(closing.group(1), Long.parseLong(closing.group(2)));
            }
        }

        Thread.sleep(2000); // Podman writes its events a moment late

        List<String> early = new ArrayList<>();
        int destroyed = 0;
        for (Event event : destroys) {
            String topology = event.getActor().getAttributes().getOrDefault(Labels.TOPOLOGY_NAME, "");
            if (!topology.startsWith(run)) {
                continue;
            }
            destroyed++;
            long at = event.getTimeNano() / 1_000_000;
            Long teardown = closingAt.get(topology);
            if (teardown == null || at < teardown) {
                early.add(topology + " destroyed at " + at + ", its teardown began at " + teardown);
            }
        }
        System.out.printf("%d s: %d holders' topologies, %d sweeping JVMs (boot time shifted: %s), %d killed; %d destroys%n",
                seconds, closingAt.size(), sweepers, shifted, killed, destroyed);
        assertThat(early).as("containers of live JVMs destroyed before their teardown").isEmpty();
        assertThat(destroyed).as("every holder's topology destroyed by its own teardown").isEqualTo(closingAt.size());
        assertThat(sweepers).isGreaterThanOrEqualTo(3);
    }
}
