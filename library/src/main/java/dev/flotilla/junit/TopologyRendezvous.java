package dev.flotilla.junit;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.RunningTopology;
import dev.flotilla.Scope;
import dev.flotilla.engine.SharedTopologies;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.resolve.TopologyDeclaration;
import org.apiguardian.api.API;

/**
 * Where the extension and an integration that needs a test class's topology outside JUnit's
 * callbacks meet: a Spring test context, which Spring loads when it makes the test instance, so
 * before the extension's {@code beforeEach} (scope {@code METHOD}) and, for a {@code PER_CLASS}
 * instance, before its {@code beforeAll}. Whichever asks first starts the instance, through the
 * extension's one start; the other gets that same instance. The extension's store owns it either
 * way (it takes over one started early), so JUnit removes it when its scope ends; one started
 * early that the extension never took over (the class failed in between) goes with the JVM.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TopologyRendezvous {

    /** The instance each test class runs against now; a class's {@code @Nested} classes look in their enclosing classes too. */
    private static final Map<Class<?>, Entry> CURRENT = new HashMap<>();
    /** A lock per class, for its starts: held by the class (a ClassValue), not by a map that only grows. */
    private static final ClassValue<Object> STARTS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> testClass) {
            return new Object();
        }
    };

    private TopologyRendezvous() {
    }

    /**
     * The running instance of {@code declaration} for {@code testClass}: the suite's one for scope
     * {@code SUITE}; otherwise the one the extension runs for the class (or an enclosing class, when
     * their models are equal), or one started now, which the extension takes over when it gets there.
     *
     * @throws dev.flotilla.ServiceStartException if the topology had to be started and could not be
     */
    public static RunningTopology obtain(Class<?> testClass, TopologyDeclaration declaration) {
        if (declaration.scope() == Scope.SUITE) {
            return SharedTopologies.getOrStart(declaration.spec(), () -> FlotillaExtension.start(declaration));
        }
        // One start at a time per class, but classes running in parallel do not wait for each other's starts.
        synchronized (STARTS.get(testClass)) {
            Optional<Entry> running = find(testClass, declaration.spec());
            if (running.isPresent()) {
                return running.get().running;
            }
            RunningTopology started = FlotillaExtension.start(declaration);
            synchronized (CURRENT) {
                CURRENT.put(testClass, new Entry(declaration.spec(), started, false));
            }
            return started;
        }
    }

    /** The instance started early for {@code testClass} by {@link #obtain}, which the caller now owns, if there is one. */
    static Optional<RunningTopology> takeOver(Class<?> testClass, TopologySpec spec) {
        synchronized (CURRENT) {
            Entry entry = CURRENT.get(testClass);
            if (entry == null || entry.ownedByExtension || !entry.spec.equals(spec)) {
                return Optional.empty();
            }
            CURRENT.put(testClass, new Entry(spec, entry.running, true));
            return Optional.of(entry.running);
        }
    }

    /** Records the instance the extension runs for {@code testClass}, so that {@link #obtain} finds it. */
    static void publish(Class<?> testClass, TopologyResource resource) {
        synchronized (CURRENT) {
            CURRENT.put(testClass, new Entry(resource.spec(), resource.running(), true));
        }
    }

    /** Forgets a removed instance, wherever it was recorded. */
    static void forget(RunningTopology removed) {
        synchronized (CURRENT) {
            CURRENT.values().removeIf(entry -> entry.running == removed);
        }
    }

    private static Optional<Entry> find(Class<?> testClass, TopologySpec spec) {
        synchronized (CURRENT) {
            return findLocked(testClass, spec);
        }
    }

    private static Optional<Entry> findLocked(Class<?> testClass, TopologySpec spec) {
        for (Class<?> c = testClass; c != null; c = c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null) {
            Entry entry = CURRENT.get(c);
            if (entry != null && entry.spec.equals(spec)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private record Entry(TopologySpec spec, RunningTopology running, boolean ownedByExtension) {
    }
}
