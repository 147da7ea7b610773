package dev.flotilla.junit;

import dev.flotilla.RunningTopology;
import dev.flotilla.model.TopologySpec;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running topology kept in a JUnit store; JUnit closes it, removing every container, when the
 * context that owns it ends. It is both {@link AutoCloseable}, which Jupiter 5.13 and later close,
 * and {@link ExtensionContext.Store.CloseableResource}, the only kind that Jupiter 5.10 to 5.12
 * close: Jupiter closes a value that is both once.
 */
@SuppressWarnings("deprecation") // CloseableResource: deprecated from Jupiter 5.13, and all that 5.10 to 5.12 know
record TopologyResource(TopologySpec spec, RunningTopology running) implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    @Override
    public void close() {
        TopologyRendezvous.forget(running);
        running.close();
    }
}
