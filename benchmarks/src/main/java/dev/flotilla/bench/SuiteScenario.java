package dev.flotilla.bench;

import java.util.Arrays;
import java.util.List;

import dev.flotilla.engine.SharedTopologies;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Issue 5's suite scenario: ten test classes against the same two services, run through the
 * JUnit Platform launcher in this JVM and timed from launch to the end of the run (so the
 * final teardown is in it). Flotilla with {@code Scope.SUITE} starts the services once for the
 * ten classes; Testcontainers' {@code @Testcontainers} (and Flotilla's default
 * {@code Scope.CLASS}) start and stop them for every class.
 */
final class SuiteScenario {

    static final String ROW = "suite: 10 classes, 2 services";
    static final int CLASSES = 10;

    /** One way of running the ten classes. */
    enum Kind {
        TC_SEQUENTIAL("TC @Testcontainers per class", TestcontainersSuiteFixtures.class, "Sequential"),
        TC_PARALLEL("TC parallel=true per class", TestcontainersSuiteFixtures.class, "Parallel"),
        FLOTILLA_CLASS("Flotilla Scope.CLASS", FlotillaSuiteFixtures.class, "PerClass"),
        FLOTILLA_SUITE("Flotilla Scope.SUITE", FlotillaSuiteFixtures.class, "Shared");

        final String title;
        private final Class<?> fixtures;
        private final String prefix;

        Kind(String title, Class<?> fixtures, String prefix) {
            this.title = title;
            this.fixtures = fixtures;
            this.prefix = prefix;
        }

        /** The ten concrete classes, such as {@code Shared01} to {@code Shared10}. */
        List<Class<?>> classes() {
            return Arrays.stream(fixtures.getDeclaredClasses())
                    .filter(c -> c.getSimpleName().matches(prefix + "\\d\\d"))
                    .sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()))
                    .toList();
        }
    }

    private SuiteScenario() {
    }

    static List<String> titles() {
        return Arrays.stream(Kind.values()).map(k -> k.title).toList();
    }

    /** Runs the ten classes of {@code kind}; milliseconds from launch to the end of the run, all ten tests passed. */
    static double run(Kind kind) {
        List<Class<?>> classes = kind.classes();
        if (classes.size() != CLASSES) {
            throw new IllegalStateException(kind + " has " + classes.size() + " fixture classes, not " + CLASSES);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(c -> selectClass(c)).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(request, listener);
        // A SUITE instance lives until its JVM exits; this JVM plays many runs, so it ends each one
        // here, where a real run's JVM would exit, and the teardown counts as it did before.
        SharedTopologies.closeAll();
        double millis = (System.nanoTime() - start) / 1e6;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != CLASSES || summary.getTotalFailureCount() > 0) {
            StringBuilder failures = new StringBuilder();
            summary.getFailures().forEach(f -> failures.append("\n  ").append(f.getTestIdentifier().getDisplayName())
                    .append(": ").append(f.getException()));
            throw new IllegalStateException(kind.title + ": " + summary.getTestsSucceededCount() + " of " + CLASSES
                    + " tests passed" + failures);
        }
        return millis;
    }

    /** The check inside every fixture test: the service answers like a fresh httpd. */
    static void assertAnswers(String hostAndPort) {
        String[] address = hostAndPort.split(":");
        int status = HttpProbe.status(address[0], Integer.parseInt(address[1]), "/");
        if (status != Busybox.READY_STATUS) {
            throw new AssertionError(hostAndPort + " answered " + status + ", expected " + Busybox.READY_STATUS);
        }
    }
}
