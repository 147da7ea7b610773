package dev.flotilla.bench;

import java.io.Closeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import org.testcontainers.DockerClientFactory;

/**
 * Where the time of a start and a teardown goes, without touching the code under test: the
 * Docker engine's own event stream (network create, container create/start/destroy, each
 * with a nanosecond timestamp) laid against the moments the JVM called and returned. Runs
 * the floor and Flotilla interleaved, and prints for each phase the median time since the call.
 *
 * <p>Run: {@code -Dbench.main=dev.flotilla.bench.PhaseProfile}, arguments
 * {@code [rounds] [scenario: single|independentN|chain4|diamond]}.
 */
public final class PhaseProfile {

    private PhaseProfile() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        String name = args.length > 1 ? args[1] : "single";
        Scenario scenario = switch (name) {
            case "chain4" -> Scenario.chain(4);
            case "diamond" -> Scenario.diamond();
            default -> name.startsWith("independent") ? Scenario.independent(Integer.parseInt(name.substring("independent".length())))
                    : Scenario.single();
        };
        List<Contender> contenders = List.of(new DockerJavaFloor(), new FlotillaContender());
        Map<String, Map<String, List<Double>>> phases = new LinkedHashMap<>();
        List<Event> events = new CopyOnWriteArrayList<>();
        Closeable stream = DockerClientFactory.instance().client().eventsCmd()
                .withSince(String.valueOf(Instant.now().getEpochSecond()))
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        events.add(event);
                    }
                });
        try {
            for (int round = 0; round <= rounds; round++) {
                for (Contender contender : round % 2 == 0 ? contenders : List.of(contenders.get(1), contenders.get(0))) {
                    events.clear();
                    long call = nowNanos();
                    Contender.Deployment deployment = contender.start(scenario, Busybox.HTTPD);
                    long returned = nowNanos();
                    Thread.sleep(200);
                    long closeCall = nowNanos();
                    deployment.close();
                    long closed = nowNanos();
                    Thread.sleep(500); // let the last events arrive
                    if (round > 0) {
                        record(phases, scenario, contender.name(), call, returned, closeCall, closed, events);
                    }
                    Thread.sleep(300);
                }
            }
        } finally {
            stream.close();
            Leftovers.removeAll();
        }
        print(scenario, phases, contenders);
    }

    /** Wall-clock nanoseconds, comparable with Docker's event timestamps on this machine. */
    private static long nowNanos() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    private static void record(Map<String, Map<String, List<Double>>> phases, Scenario scenario, String contender,
                               long call, long returned, long closeCall, long closed, List<Event> events) {
        Map<String, Long> firstAndLast = new LinkedHashMap<>();
        for (Event event : events) {
            String type = String.valueOf(event.getType()).toLowerCase(Locale.ROOT);
            String action = event.getAction();
            Map<String, String> attributes = event.getActor() == null ? Map.of() : event.getActor().getAttributes();
            boolean ours = Busybox.RUN_ID.equals(attributes.get(Busybox.LABEL))
                    || String.valueOf(attributes.get("name")).startsWith("bench-floor-")
                    || String.valueOf(attributes.get("name")).startsWith("flotilla-bench-");
            if (!ours || event.getTimeNano() == null) {
                continue;
            }
            String key = type + " " + action;
            long at = event.getTimeNano();
            firstAndLast.merge("first " + key, at, Math::min);
            firstAndLast.merge("last " + key, at, Math::max);
            String service = serviceOf(scenario, String.valueOf(attributes.get("name")));
            if (type.equals("container") && service != null && scenario.services().size() > 1) {
                // Which service's start came when: on a chain, whether the engine finished the root first.
                firstAndLast.merge(key + " " + service, at, Math::min);
            }
        }
        Map<String, List<Double>> mine = phases.computeIfAbsent(contender, c -> new LinkedHashMap<>());
        firstAndLast.forEach((key, at) -> {
            boolean teardown = key.contains("destroy") || key.contains("kill") || key.contains("die") || key.contains("disconnect");
            mine.computeIfAbsent((teardown ? "teardown: " : "start: ") + key, k -> new ArrayList<>())
                    .add(((double) at - (teardown ? closeCall : call)) / 1e6);
        });
        mine.computeIfAbsent("start: start() returned", k -> new ArrayList<>()).add((returned - call) / 1e6);
        mine.computeIfAbsent("teardown: close() returned", k -> new ArrayList<>()).add((closed - closeCall) / 1e6);
    }

    /** The scenario's service whose container {@code containerName} is (both contenders end the name with it), or null. */
    private static String serviceOf(Scenario scenario, String containerName) {
        return scenario.services().stream().map(ServiceShape::name)
                .filter(name -> containerName.endsWith("-" + name) || containerName.contains("-" + name + "-"))
                .findFirst().orElse(null);
    }

    private static void print(Scenario scenario, Map<String, Map<String, List<Double>>> phases, List<Contender> contenders) {
        System.out.println("\nPhases of " + scenario.title() + ": median ms since start() (start) or close() (teardown) was called\n");
        System.out.print("| event |");
        contenders.forEach(c -> System.out.print(" " + c.name() + " |"));
        System.out.println("\n|---|" + "---:|".repeat(contenders.size()));
        List<String> keys = new ArrayList<>();
        phases.values().forEach(m -> m.keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        keys.sort((a, b) -> Double.compare(order(phases, a), order(phases, b)));
        for (String key : keys) {
            System.out.print("| " + key + " |");
            for (Contender contender : contenders) {
                List<Double> values = phases.getOrDefault(contender.name(), Map.of()).getOrDefault(key, List.of());
                System.out.print(values.isEmpty() ? " - |" : String.format(Locale.ROOT, " %.1f |", Samples.median(values)));
            }
            System.out.println();
        }
    }

    /** Start phases before teardown phases, each in time order. */
    private static double order(Map<String, Map<String, List<Double>>> phases, String key) {
        double time = phases.values().stream().map(m -> m.get(key)).filter(v -> v != null && !v.isEmpty())
                .mapToDouble(Samples::median).min().orElse(0);
        return (key.startsWith("teardown") ? 1e9 : 0) + time;
    }
}
