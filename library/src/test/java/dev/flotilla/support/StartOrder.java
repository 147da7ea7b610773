package dev.flotilla.support;

import java.time.Instant;
import java.util.List;

import dev.flotilla.engine.Phase;
import dev.flotilla.engine.RunReport;

/**
 * When a service's process began and when it was ready, from the steps Flotilla recorded of it:
 * Docker may start a dependent's container ahead, behind a gate, so the container's start time
 * does not say when its process began.
 */
public final class StartOrder {

    private StartOrder() {
    }

    /** When the gate of {@code service}'s container opened, or, for one that had none, when Docker started it. */
    public static Instant processBegan(String instanceId, String service) {
        List<Phase> phases = phases(instanceId, service);
        return phases.stream().filter(p -> p.name().startsWith("run")).findFirst()
                .or(() -> phases.stream().filter(p -> p.name().equals("start")).findFirst())
                .orElseThrow(() -> new IllegalStateException(service + " has no start step: " + phases))
                .end();
    }

    /** When {@code service} was found ready (its last readiness condition held). */
    public static Instant ready(String instanceId, String service) {
        List<Phase> phases = phases(instanceId, service);
        return phases.stream().filter(p -> p.name().startsWith("ready")).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException(service + " has no readiness step: " + phases))
                .end();
    }

    private static List<Phase> phases(String instanceId, String service) {
        return RunReport.get().instance(instanceId).orElseThrow().service(service).phases();
    }
}
