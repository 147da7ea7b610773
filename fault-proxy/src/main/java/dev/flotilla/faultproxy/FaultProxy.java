package dev.flotilla.faultproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A running proxy: one listener per {@link Forward}, the connections through them, the toxics acting on those
 * connections, and the HTTP control server that changes the toxics. Closing it stops everything.
 */
public final class FaultProxy implements AutoCloseable {

    // How long a change of toxics waits for every open connection to take it, before the control API answers.
    private static final long APPLY_TIMEOUT_SECONDS = 5;

    private final EventLog log;
    private final ToxicRegistry registry = new ToxicRegistry();
    private final ProxyStats stats = new ProxyStats();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final ExecutorService resolver = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy-dns");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Forward, Listener> listeners = new LinkedHashMap<>();
    private ControlServer controlServer;
    private volatile boolean down;
    private boolean held;

    private FaultProxy(EventLog log) {
        this.log = log;
    }

    /**
     * Binds every listener and the control server, or closes what was bound and throws.
     *
     * @param config what to listen on
     * @param out    where the event lines go (standard output in the container)
     */
    public static FaultProxy start(ProxyConfig config, PrintStream out) throws IOException, InterruptedException {
        FaultProxy proxy = new FaultProxy(new EventLog(out));
        try {
            proxy.bindListeners(config.forwards());
            proxy.controlServer = ControlServer.start(config.controlPort(), new ControlApi(proxy));
            return proxy;
        } catch (IOException | InterruptedException | RuntimeException failure) {
            try {
                proxy.close();
            } catch (RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
    }

    private void bindListeners(List<Forward> forwards) throws IOException, InterruptedException {
        for (Forward forward : forwards) {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    // The same port is bound again after a down toxic, while old connections may linger in TIME_WAIT.
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.SO_BACKLOG, AcceptQueuePlug.BACKLOG)
                    .childHandler(new ConnectionOpener(forward, this, resolver));
            ChannelTuning.OPTIONS.forEach((option, value) -> setChildOption(bootstrap, option, value));
            Listener listener = new Listener(bootstrap, forward);
            listeners.put(forward, listener);
            try {
                listener.bind();
            } catch (Exception bindFailure) {
                throw new IOException("cannot listen on port " + forward.listenPort() + ": " + bindFailure.getMessage(),
                        bindFailure);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void setChildOption(ServerBootstrap bootstrap, ChannelOption<T> option, Object value) {
        bootstrap.childOption(option, (T) value);
    }

    /** The control API's port, as bound. */
    public int controlPort() {
        return controlServer.port();
    }

    /** The listening port of the forward at {@code index} in the configuration, as bound. */
    public int listenPort(int index) {
        return new ArrayList<>(listeners.values()).get(index).boundPort();
    }

    int boundPort(Forward forward) {
        return listeners.get(forward).boundPort();
    }

    /** Whether a connection accepted on {@code forward}'s listener is one of those that held it during a cut. */
    boolean isPlug(Forward forward, SocketAddress remote) {
        return listeners.get(forward).isPlug(remote);
    }

    EventLog log() {
        return log;
    }

    ProxyStats stats() {
        return stats;
    }

    ToxicRegistry registry() {
        return registry;
    }

    boolean isDown() {
        return down;
    }

    /** Tracks a connection whose upstream is connected, and starts it; called on its event loop. */
    void register(Connection connection) {
        connections.add(connection);
        connection.closeFuture().addListener(closed -> connections.remove(connection));
        connection.start();
    }

    /** Adds a toxic and applies it to every open connection before returning. */
    synchronized void addToxic(Toxic toxic) throws DuplicateToxicException {
        registry.add(toxic);
        log.line("toxic added: " + toxic.describe());
        toxicsChanged();
    }

    /** Removes a toxic, healing every open connection before returning; returns whether it existed. */
    synchronized boolean removeToxic(String name) {
        Toxic removed = registry.remove(name);
        if (removed == null) {
            return false;
        }
        log.line("toxic removed: " + removed.describe());
        toxicsChanged();
        return true;
    }

    synchronized void removeAllToxics() {
        registry.clear();
        log.line("toxics removed: all");
        toxicsChanged();
    }

    List<Toxic> toxics() {
        return registry.snapshot();
    }

    private void toxicsChanged() {
        boolean shouldBeDown = registry.hasType(ToxicType.DOWN);
        if (shouldBeDown && !down) {
            goDown();
        } else if (!shouldBeDown && down) {
            comeUp();
        }
        boolean shouldHold = !down && registry.cutsEveryConnection();
        if (shouldHold && !held) {
            hold();
        } else if (!shouldHold && held) {
            release();
        }
        List<Future<?>> applied = new ArrayList<>();
        for (Connection connection : connections) {
            applied.add(connection.eventLoop().submit(connection::applyToxics));
        }
        awaitAll(applied);
    }

    private void hold() {
        held = true;
        List<String> failures = new ArrayList<>();
        for (Listener listener : listeners.values()) {
            try {
                listener.hold();
            } catch (IOException holdFailure) {
                failures.add("cannot hold port " + listener.boundPort() + ": " + holdFailure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            String message = String.join("; ", failures);
            log.line("listeners hold failed: " + message);
            throw new IllegalStateException(message);
        }
        log.line("listeners held: new connections time out");
    }

    private void release() {
        held = false;
        listeners.values().forEach(Listener::release);
        log.line("listeners released");
    }

    private void goDown() {
        down = true;
        held = false;
        listeners.values().forEach(Listener::unbind);
        List<Future<?>> closed = new ArrayList<>();
        for (Connection connection : connections) {
            closed.add(connection.eventLoop().submit(connection::close));
        }
        awaitAll(closed);
        log.line("proxy down: listeners unbound, connections closed");
    }

    private void comeUp() {
        down = false;
        List<String> failures = new ArrayList<>();
        for (Listener listener : listeners.values()) {
            try {
                listener.bind();
            } catch (Exception bindFailure) {
                failures.add("cannot listen again on port " + listener.boundPort() + ": " + bindFailure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            String message = String.join("; ", failures);
            log.line("proxy up failed: " + message);
            throw new IllegalStateException(message);
        }
        log.line("proxy up: listeners bound");
    }

    private static void awaitAll(List<Future<?>> futures) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(APPLY_TIMEOUT_SECONDS);
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notApplied) {
                // A connection that closed meanwhile, or a stuck loop: the change still applies to everything else.
            }
        }
    }

    /** Stops the control server, the listeners and every connection. */
    @Override
    public void close() {
        if (controlServer != null) {
            controlServer.close();
        }
        listeners.values().forEach(Listener::unbind);
        // Closing the event loops closes every channel still registered with them: the connections.
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        resolver.shutdownNow();
    }
}
