package dev.flotilla.lifecycle;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.engine.Labels;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Run in two child JVMs at once: six classes, in parallel threads, ask for one suite-scoped
 * topology; prints the session, the test statistics and the containers the classes saw.
 */
public final class ParallelSuiteProbe {

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Topology(name = "paralleljvm", scope = Scope.SUITE)
    @Service(name = "cache", image = "redis:7", ports = 6379)
    @Service(name = "web", image = "busybox:1.36", ports = 8080, command = {"httpd", "-f", "-p", "8080"})
    public abstract static class Base {
        @Test
        void usesTheStack(ServiceHandle cache, ServiceHandle web) {
            SEEN.add(cache.containerId());
            SEEN.add(web.containerId());
        }

        @Test
        void usesItAgain(ServiceHandle cache) {
            SEEN.add(cache.containerId());
        }
    }

    public static class A extends Base { }
    public static class B extends Base { }
    public static class C extends Base { }
    public static class D extends Base { }
    public static class E extends Base { }
    public static class F extends Base { }

    public static void main(String[] args) {
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(A.class), selectClass(B.class), selectClass(C.class),
                        selectClass(D.class), selectClass(E.class), selectClass(F.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "6")
                .execute();
        System.out.println("SESSION " + Labels.SESSION_ID);
        System.out.println("STATS succeeded=" + results.testEvents().succeeded().count() + " failed=" + results.testEvents().failed().count());
        results.testEvents().failed().stream().forEach(e -> System.out.println("FAILURE " + e));
        System.out.println("SEEN " + SEEN.size());
        System.exit(0);
    }
}
