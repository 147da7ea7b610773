package dev.flotilla.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon threads that start, watch and remove containers in parallel. */
final class EngineThreads {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Unbounded: each starting service blocks one thread while it waits to be ready. */
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "flotilla-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private EngineThreads() {
    }
}
