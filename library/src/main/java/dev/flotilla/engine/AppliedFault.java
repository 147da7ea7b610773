package dev.flotilla.engine;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.flotilla.ActiveFault;

/** A fault in place, with the one way to undo it; healed at most once. */
final class AppliedFault implements ActiveFault {

    private final String description;
    private final Runnable undo;
    private final TopologyFaults owner;
    private final AtomicBoolean active = new AtomicBoolean(true);

    AppliedFault(String description, Runnable undo, TopologyFaults owner) {
        this.description = description;
        this.undo = undo;
        this.owner = owner;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isActive() {
        return active.get();
    }

    @Override
    public void heal() {
        if (active.compareAndSet(true, false)) {
            owner.forget(this);
            undo.run();
        }
    }

    @Override
    public String toString() {
        return "ActiveFault[" + description + (isActive() ? "" : ", healed") + "]";
    }
}
