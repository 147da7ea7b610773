package dev.flotilla.junit;

import dev.flotilla.RunningTopology;
import dev.flotilla.model.TopologySpec;

/**
 * A running topology kept in a JUnit store; JUnit closes it, removing every container, when the
 * context that owns it ends.
 */
record TopologyResource(TopologySpec spec, RunningTopology running) implements AutoCloseable {

    @Override
    public void close() {
        running.close();
    }
}
