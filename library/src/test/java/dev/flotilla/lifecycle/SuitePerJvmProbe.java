package dev.flotilla.lifecycle;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.engine.Labels;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Run in a child JVM: hands four classes on one suite-scoped topology to JUnit one launcher run
 * (and one launcher session) per class, as Maven Surefire does with {@code forkCount} above one.
 * Prints the session, the outcome and the containers the classes saw, then ends normally.
 */
public final class SuitePerJvmProbe {

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Topology(name = "suiteperjvm", scope = Scope.SUITE)
    @Service(name = "cache", image = "redis:7", ports = 6379)
    @Service(name = "worker", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "cache")
    public abstract static class Base {
        @Test
        void usesTheStack(ServiceHandle cache, ServiceHandle worker) {
            SEEN.add(cache.containerId());
            SEEN.add(worker.containerId());
        }
    }

    public static class A extends Base { }
    public static class B extends Base { }
    public static class C extends Base { }
    public static class D extends Base { }

    public static void main(String[] args) {
        long failed = 0;
        long succeeded = 0;
        for (Class<?> testClass : List.of(A.class, B.class, C.class, D.class)) {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), summary);
            failed += summary.getSummary().getTotalFailureCount();
            succeeded += summary.getSummary().getTestsSucceededCount();
            summary.getSummary().getFailures().forEach(f -> System.out.println("FAILURE " + f.getException()));
        }
        System.out.println("SESSION " + Labels.SESSION_ID);
        System.out.println("STATS succeeded=" + succeeded + " failed=" + failed);
        System.out.println("SEEN " + SEEN.size());
    }
}
