package dev.flotilla.spring.context;

import java.util.List;
import java.util.Optional;

import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.Scope;
import dev.flotilla.junit.TopologyRendezvous;
import dev.flotilla.resolve.AnnotationTopologyResolver;
import dev.flotilla.resolve.TopologyDeclaration;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered in {@code META-INF/spring.factories}: Spring asks it once per test class, when it
 * makes the class's test context, which is before the application context. For a class with a
 * Flotilla topology it resolves and checks the connections, obtains the running instance (the
 * one the JUnit extension runs or will run for the class: {@link TopologyRendezvous}) and returns
 * the customizer that wires it in. Classes without a topology get nothing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FlotillaContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        Optional<TopologyDeclaration> found = AnnotationTopologyResolver.resolve(testClass);
        if (found.isEmpty()) {
            if (ConnectionPlanResolver.asksForConnections(testClass)) {
                throw new FlotillaConfigurationException(testClass.getName() + " carries @ServiceConnection or @ServiceUrl but no @Topology,"
                        + " so there is no service to connect to. Fix: declare the topology on the class (or a composed annotation on it) with @Topology.");
            }
            return null;
        }
        TopologyDeclaration declaration = found.get();
        ConnectionPlan plan = ConnectionPlanResolver.resolve(testClass, declaration.spec());
        if (declaration.scope() != Scope.METHOD) {
            return TopologyContextCustomizer.forInstance(testClass, declaration, plan, TopologyRendezvous.obtain(testClass, declaration));
        }
        boolean perClass = AnnotationSupport.findAnnotation(testClass, TestInstance.class)
                .map(instance -> instance.value() == TestInstance.Lifecycle.PER_CLASS).orElse(false);
        if (perClass) {
            throw new FlotillaConfigurationException("@Topology(scope = METHOD) on " + testClass.getName() + " with @TestInstance(PER_CLASS):"
                    + " Spring wires the one test instance once, to one application context, but each test has its own topology instance."
                    + " Fix: drop @TestInstance(PER_CLASS), or use scope CLASS.");
        }
        return TopologyContextCustomizer.perTest(testClass, declaration, plan);
    }
}
