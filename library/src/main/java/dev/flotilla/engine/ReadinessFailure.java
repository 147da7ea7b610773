package dev.flotilla.engine;

import dev.flotilla.model.WaitSpec;

/** Why a service did not become ready: the condition, what was last seen, and whether the container died. */
final class ReadinessFailure extends Exception {

    /** What ended the wait. */
    enum Reason {
        /** The condition did not hold within its timeout. */
        TIMED_OUT,
        /** The container stopped while Flotilla waited. */
        EXITED,
        /** The condition cannot ever hold, such as a healthcheck on an image without one. */
        IMPOSSIBLE,
        /** Another service failed, and this start was called off. */
        ABORTED
    }

    private final transient WaitSpec condition;
    private final Reason reason;
    private final String lastObservation;

    ReadinessFailure(WaitSpec condition, Reason reason, String lastObservation) {
        super(reason + ": " + (condition == null ? "start" : condition.describe()) + " (" + lastObservation + ")");
        this.condition = condition;
        this.reason = reason;
        this.lastObservation = lastObservation;
    }

    WaitSpec condition() {
        return condition;
    }

    Reason reason() {
        return reason;
    }

    String lastObservation() {
        return lastObservation;
    }
}
