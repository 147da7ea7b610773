package dev.flotilla.spring.context;

import java.util.Objects;

import dev.flotilla.RunningTopology;
import dev.flotilla.junit.TopologyRendezvous;
import dev.flotilla.resolve.TopologyDeclaration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives an application context the connection details of one topology instance. Part of Spring's
 * context cache key: equal only for the same instance (scopes {@code SUITE} and {@code CLASS}:
 * its id), so a class on another instance never gets a context wired to this one's ports, and
 * classes on one {@code SUITE} instance share the context too. A {@code METHOD} instance does not
 * exist yet when Spring makes the key; such a context is keyed by its test class, and
 * {@link TopologyContextListener} closes it after each test, so each test's context is made anew,
 * on that test's instance.
 */
final class TopologyContextCustomizer implements ContextCustomizer {

    private final Class<?> testClass;
    private final TopologyDeclaration declaration;
    private final ConnectionPlan plan;
    /** The instance for scopes {@code SUITE} and {@code CLASS}; null for {@code METHOD}, obtained when the context is made. */
    private final RunningTopology instance;
    private final Object key;

    private TopologyContextCustomizer(Class<?> testClass, TopologyDeclaration declaration, ConnectionPlan plan, RunningTopology instance) {
        this.testClass = testClass;
        this.declaration = declaration;
        this.plan = plan;
        this.instance = instance;
        this.key = instance != null ? instance.instanceId() : testClass;
    }

    /** A customizer for the instance that lives longer than a test: the suite's or the class's. */
    static TopologyContextCustomizer forInstance(Class<?> testClass, TopologyDeclaration declaration, ConnectionPlan plan, RunningTopology instance) {
        return new TopologyContextCustomizer(testClass, declaration, plan, Objects.requireNonNull(instance));
    }

    /** A customizer for the instances of each test ({@code METHOD} scope). */
    static TopologyContextCustomizer perTest(Class<?> testClass, TopologyDeclaration declaration, ConnectionPlan plan) {
        return new TopologyContextCustomizer(testClass, declaration, plan, null);
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        RunningTopology topology = instance != null ? instance : TopologyRendezvous.obtain(testClass, declaration);
        ConnectionDetailsBeans.register(context, plan, declaration.spec(), topology);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopologyContextCustomizer that && key.equals(that.key) && plan.equals(that.plan);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, plan);
    }

    @Override
    public String toString() {
        return "Flotilla topology " + declaration.spec().name() + " (" + (instance != null ? "instance " + key : "an instance per test of " + testClass.getName())
                + ") for " + plan;
    }
}
