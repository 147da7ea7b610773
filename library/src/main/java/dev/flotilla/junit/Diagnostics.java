package dev.flotilla.junit;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.Optional;

import dev.flotilla.FlotillaDiagnostics;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.FailureBundle;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a failed test's failure bundle to JUnit's own reporting: as a suppressed exception of
 * the failure (so IDEs, Surefire's XML and CI servers show it with the stack trace), as a report
 * entry, and as a file published for the test where the Jupiter version can publish files (5.12
 * and later).
 */
final class Diagnostics {

    private static final Logger LOG = LoggerFactory.getLogger(Diagnostics.class);

    /** The key of the report entry that carries the bundle's path, or its text where no file was written. */
    static final String REPORT_ENTRY = "flotilla.diagnostics";

    private Diagnostics() {
    }

    /** Attaches the bundle of {@code topology} to {@code failure}; never throws, since the failure itself matters more. */
    static void attach(ExtensionContext context, RunningTopology topology, Throwable failure) {
        if (alreadyAttached(failure)) {
            return;
        }
        try {
            Optional<FlotillaDiagnostics> bundle = FailureBundle.forTest(topology, testName(context), failure);
            if (bundle.isEmpty()) {
                return;
            }
            failure.addSuppressed(bundle.get());
            context.publishReportEntry(REPORT_ENTRY, bundle.get().file().map(Object::toString).orElse(bundle.get().getMessage()));
            bundle.get().file().ifPresent(file -> publishFile(context, file));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void publishFile(ExtensionContext context, java.nio.file.Path file) {
        try {
            FilePublisher.publish(context, file);
        } catch (LinkageError | RuntimeException cannotPublish) {
            // Jupiter before 5.12 publishes no files, and a launcher may switch writing them off:
            // the report entry names the file instead.
            LOG.debug("The failure bundle {} is not published as a file of the test: {}", file, cannotPublish.toString());
        }
    }

    /** Apart, so that only this class, loaded on first use, names a type that Jupiter before 5.12 lacks. */
    private static final class FilePublisher {
        @SuppressWarnings("deprecation") // the extension package's MediaType: the one that Jupiter 5.12 to 6.x all know
        static void publish(ExtensionContext context, java.nio.file.Path file) {
            context.publishFile("flotilla-diagnostics.txt", MediaType.TEXT_PLAIN_UTF_8, target -> Files.copy(file, target));
        }
    }

    private static boolean alreadyAttached(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof FlotillaDiagnostics) {
                return true;
            }
        }
        return false;
    }

    /** {@code OrdersTest.placesAnOrder(ServiceHandle)}, with the display name after it where the test has one of its own. */
    static String testName(ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")").orElse("");
        String display = context.getDisplayName();
        String name = context.getRequiredTestClass().getSimpleName() + (method.isEmpty() ? "" : "." + method);
        return display.equals(method) || display.isEmpty() ? name : name + " [" + display + "]";
    }
}
