package dev.flotilla.engine;

import java.util.List;

/** How a service of an instance fared, as the run report marks it. */
enum ServiceOutcome {

    /** Started and ready (or attached to, for a reused instance). */
    READY("ready"),
    /** A step of its own failed: create, start, a readiness condition or its removal. */
    FAILED("failed"),
    /** Never got ready because another service failed first, and the start was called off. */
    CALLED_OFF("called off");

    private final String words;

    ServiceOutcome(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }

    static ServiceOutcome of(InstanceRecord instance, ServiceRecord service) {
        List<Phase> phases = service.phases();
        if (phases.stream().anyMatch(ServiceOutcome::failedItself)) {
            return FAILED;
        }
        boolean ready = phases.stream().anyMatch(p -> p.name().startsWith("ready") && p.ok());
        return instance.failure().isPresent() && !ready ? CALLED_OFF : READY;
    }

    /** Whether a step failed by itself: one called off because another service failed does not count. */
    static boolean failedItself(Phase phase) {
        return !phase.ok() && !phase.outcome().startsWith("aborted");
    }
}
