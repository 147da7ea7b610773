package dev.flotilla.spring.context;

import java.util.Optional;

import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.Scope;
import dev.flotilla.resolve.AnnotationTopologyResolver;
import dev.flotilla.resolve.TopologyDeclaration;
import org.apiguardian.api.API;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Registered in {@code META-INF/spring.factories}: closes an application context when the topology
 * instance it is wired to ends, before JUnit removes the instance: after each test for scope
 * {@code METHOD}, after the class for scope {@code CLASS}. So no context outlives its containers
 * in Spring's cache, and the next test or class gets a context on its own instance. A
 * {@code SUITE} instance lives as long as the JVM, and so may its context.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TopologyContextListener extends AbstractTestExecutionListener {

    private static final ClassValue<Optional<Scope>> SCOPES = new ClassValue<>() {
        @Override
        protected Optional<Scope> computeValue(Class<?> testClass) {
            try {
                return AnnotationTopologyResolver.resolve(testClass).map(TopologyDeclaration::scope);
            } catch (FlotillaConfigurationException e) {
                return Optional.empty(); // reported where the topology is started; there is no instance to follow
            }
        }
    };

    /**
     * Early among Spring's listeners, so last in the "after" callbacks, which run in reverse: every
     * other listener is done with the context (a transaction rolled back, mocks reset) when it closes.
     */
    @Override
    public int getOrder() {
        return 500;
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        closeIf(testContext, Scope.METHOD);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        closeIf(testContext, Scope.CLASS);
    }

    private static void closeIf(TestContext testContext, Scope ending) {
        if (SCOPES.get(testContext.getTestClass()).orElse(null) == ending && testContext.hasApplicationContext()) {
            testContext.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
        }
    }
}
