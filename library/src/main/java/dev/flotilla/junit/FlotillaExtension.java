package dev.flotilla.junit;

import java.lang.reflect.Parameter;
import java.util.Optional;

import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.resolve.FaultResolver;
import dev.flotilla.Scope;
import dev.flotilla.DockerUnavailableException;
import dev.flotilla.engine.FlotillaSettings;
import dev.flotilla.engine.RunReport;
import dev.flotilla.engine.SharedTopologies;
import dev.flotilla.engine.TopologyEngine;
import dev.flotilla.resolve.AnnotationTopologyResolver;
import dev.flotilla.resolve.TopologyDeclaration;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link dev.flotilla.Topology @Topology}; registered by it,
 * so there is no need to name it. It holds no state: the declaration and the running topology
 * live in the extension store of the class (scope {@code CLASS}) or test method (scope
 * {@code METHOD}), and JUnit closes the topology when that context ends. A {@code SUITE}
 * topology belongs to the JVM ({@link SharedTopologies}), since build tools hand classes to
 * JUnit in ways that end JUnit's own root context after each class.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FlotillaExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlotillaExtension.class);
    private static final String DECLARATION = "declaration";
    private static final String TOPOLOGY = "topology";

    @Override
    public void beforeAll(ExtensionContext context) {
        TopologyDeclaration declaration = declaration(context);
        if (declaration.scope() == Scope.METHOD) {
            Injection.rejectStaticFields(context.getRequiredTestClass());
            return;
        }
        TopologyResource resource = declaration.scope() == Scope.SUITE
                ? suiteTopology(context, declaration)
                : ensureStarted(context, declaration);
        Injection.injectFields(context.getRequiredTestClass(), null, resource.running());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TopologyDeclaration declaration = declaration(context);
        RunningTopology running = declaration.scope() == Scope.METHOD
                ? ensureStarted(context, declaration).running()
                : runningTopology(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            Injection.injectFields(instance.getClass(), instance, running);
        }
        for (FaultSpec fault : FaultResolver.faultsOf(context.getRequiredTestMethod())) {
            DeclaredFaults.apply(running, fault);
        }
    }

    /**
     * Records the test with the instance it used, for the run report (a failed one was recorded with
     * its bundle), and puts a topology that outlives the test back as it was: its faults healed, its
     * paused services unpaused and its stopped ones started again.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Optional<RunningTopology> topology = currentTopology(context);
        if (context.getExecutionException().isEmpty()) {
            topology.ifPresent(running -> RunReport.get().testPassed(running.instanceId(), Diagnostics.testName(context)));
        }
        if (declaration(context).scope() != Scope.METHOD) {
            topology.ifPresent(RunningTopology::heal);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        attachDiagnostics(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        attachDiagnostics(context, throwable);
        throw throwable;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        attachDiagnostics(context, throwable);
        throw throwable;
    }

    private static void attachDiagnostics(ExtensionContext context, Throwable failure) {
        currentTopology(context).ifPresent(topology -> Diagnostics.attach(context, topology, failure));
    }

    /** The topology this context's test runs against, if one was started for it. */
    private static Optional<RunningTopology> currentTopology(ExtensionContext context) {
        Object stored = context.getStore(NAMESPACE).get(TOPOLOGY);
        if (stored instanceof SharedTopology shared) {
            return Optional.of(shared.resource().running());
        }
        return Optional.ofNullable((TopologyResource) stored).map(TopologyResource::running);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        return Injection.isInjectable(parameter, parameter.getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Optional<String> name = ParameterNames.of(parameter);
        String what = "parameter " + name.map(n -> "'" + n + "'").orElse(parameterContext.getIndex() + " (" + parameter.getType().getSimpleName() + ")")
                + " of " + parameterContext.getDeclaringExecutable();
        try {
            RunningTopology topology = runningTopology(extensionContext);
            return Injection.valueFor(parameter, parameter.getType(), what, name, topology);
        } catch (ExtensionConfigurationException | IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /** The declaration of the context's test class, resolved once per class and kept in its store. */
    private static TopologyDeclaration declaration(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        Object value = store.getOrComputeIfAbsent(DECLARATION + ":" + testClass.getName(), key -> resolve(testClass));
        if (value instanceof ExtensionConfigurationException invalid) {
            // Resolved (and failed) before: report the same problem for every test of the class.
            throw invalid;
        }
        return (TopologyDeclaration) value;
    }

    private static Object resolve(Class<?> testClass) {
        try {
            Optional<TopologyDeclaration> declaration = AnnotationTopologyResolver.resolve(testClass);
            if (declaration.isEmpty()) {
                return new ExtensionConfigurationException(testClass.getName()
                        + " uses FlotillaExtension but carries no @Topology. Fix: annotate the class (or a composed annotation on it) with @Topology.");
            }
            return declaration.get();
        } catch (FlotillaConfigurationException e) {
            return new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * The running topology for this context's declaration: one an enclosing class already runs
     * when its model is equal (a {@code @Nested} class that adds nothing), otherwise a new one
     * kept in this context's store.
     */
    private static TopologyResource ensureStarted(ExtensionContext context, TopologyDeclaration declaration) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Object stored = store.get(TOPOLOGY);
        TopologyResource inherited = stored instanceof SharedTopology shared ? shared.resource() : (TopologyResource) stored;
        if (inherited != null && inherited.spec().equals(declaration.spec())) {
            return inherited;
        }
        // One a Spring test context started first is this one (see TopologyRendezvous).
        Class<?> testClass = context.getRequiredTestClass();
        RunningTopology running = TopologyRendezvous.takeOver(testClass, declaration.spec()).orElseGet(() -> start(declaration));
        // Kept in the store as soon as it exists, so JUnit removes it even if a later step fails.
        TopologyResource started = new TopologyResource(declaration.spec(), running);
        store.put(TOPOLOGY, started);
        TopologyRendezvous.publish(testClass, started);
        return started;
    }

    /**
     * The one instance of an equal topology for this JVM, whichever class asks first (see
     * {@link SharedTopologies}), also kept in this class's store, so lookups from its tests find it.
     */
    private static TopologyResource suiteTopology(ExtensionContext context, TopologyDeclaration declaration) {
        TopologyResource shared = new TopologyResource(declaration.spec(),
                SharedTopologies.getOrStart(declaration.spec(), () -> start(declaration)));
        context.getStore(NAMESPACE).put(TOPOLOGY, new SharedTopology(shared));
        return shared;
    }

    /** Starts through the engine; where no Docker engine answers, skips instead of failing if so configured. */
    static RunningTopology start(TopologyDeclaration declaration) {
        try {
            return TopologyEngine.start(declaration.spec());
        } catch (DockerUnavailableException e) {
            if (FlotillaSettings.get().skipWhenDockerMissing()) {
                throw new TestAbortedException("Skipped (flotilla.docker.missing=skip): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** A class's reference to a suite-wide instance; not closeable, since the class does not own it. */
    private record SharedTopology(TopologyResource resource) {
    }

    private static RunningTopology runningTopology(ExtensionContext context) {
        Object stored = context.getStore(NAMESPACE).get(TOPOLOGY);
        if (stored instanceof SharedTopology shared) {
            return shared.resource().running();
        }
        TopologyResource resource = (TopologyResource) stored;
        if (resource == null) {
            throw new ExtensionConfigurationException("No Flotilla topology is running for " + context.getDisplayName()
                    + ". A topology with scope CLASS starts in beforeAll, one with scope METHOD before each test;"
                    + " constructor parameters of a PER_CLASS test instance come before both. Fix: inject into the test method or a field instead.");
        }
        return resource.running();
    }
}
