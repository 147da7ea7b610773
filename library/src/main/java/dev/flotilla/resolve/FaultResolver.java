package dev.flotilla.resolve;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.Fault;
import dev.flotilla.Faults;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.model.LinkSpec;
import dev.flotilla.model.Values;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Reads {@link Fault @Fault} annotations into {@link FaultSpec}s, and finds the links that the
 * test methods of a class fault, so that their proxies are placed when the topology starts.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FaultResolver {

    private FaultResolver() {
    }

    /**
     * The faults declared on {@code method}, checked.
     *
     * @throws FlotillaConfigurationException naming every problem
     */
    public static List<FaultSpec> faultsOf(Method method) {
        ConfigProblems problems = new ConfigProblems();
        List<FaultSpec> faults = new ArrayList<>();
        for (Fault fault : AnnotationSupport.findRepeatableAnnotations(method, Fault.class)) {
            FaultSpec spec = toSpec(fault, "@Fault on " + method.getDeclaringClass().getName() + "." + method.getName() + "()", problems);
            if (spec != null) {
                faults.add(spec);
            }
        }
        problems.throwIfAny();
        return faults;
    }

    /** The links that {@code @Fault}s on {@code testClass}'s methods fault through a proxy. */
    static List<LinkSpec> proxiedLinksOf(Class<?> testClass) {
        List<LinkSpec> links = new ArrayList<>();
        for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, Fault.class, HierarchyTraversalMode.TOP_DOWN)) {
            addProxied(method, links);
        }
        for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, Faults.class, HierarchyTraversalMode.TOP_DOWN)) {
            addProxied(method, links);
        }
        return links;
    }

    private static void addProxied(Method method, List<LinkSpec> links) {
        for (Fault fault : AnnotationSupport.findRepeatableAnnotations(method, Fault.class)) {
            if (fault.isolate().isEmpty() && fault.kind() != Fault.Kind.CUT && !fault.from().isEmpty() && !fault.to().isEmpty()) {
                LinkSpec link = new LinkSpec(fault.from(), fault.to());
                if (!links.contains(link)) {
                    links.add(link);
                }
            }
        }
    }

    private static FaultSpec toSpec(Fault fault, String where, ConfigProblems problems) {
        if (!fault.isolate().isEmpty()) {
            if (!fault.from().isEmpty() || !fault.to().isEmpty() || fault.kind() != Fault.Kind.CUT) {
                problems.add(where, "isolate = \"" + fault.isolate() + "\" is combined with from, to or a kind",
                        "isolate a service on its own (it is always a cut), or name a link with from and to");
                return null;
            }
            return FaultSpec.isolation(fault.isolate());
        }
        if (fault.from().isEmpty() || fault.to().isEmpty()) {
            problems.add(where, "neither a link (from and to) nor a service to isolate is named",
                    "write @Fault(from = \"client\", to = \"server\", ...) or @Fault(isolate = \"service\")");
            return null;
        }
        Map<String, Long> attributes = new LinkedHashMap<>();
        switch (fault.kind()) {
            case LATENCY -> {
                attributes.put("latency", millis(fault.latency(), "latency", where, problems, true));
                attributes.put("jitter", millis(fault.jitter(), "jitter", where, problems, false));
            }
            case BANDWIDTH -> attributes.put("rate", (long) fault.kilobytesPerSecond());
            case TIMEOUT, RESET_PEER -> attributes.put("timeout", millis(fault.after(), "after", where, problems, false));
            case LIMIT_DATA -> attributes.put("bytes", fault.bytes());
            case SLICER -> {
                attributes.put("average_size", (long) fault.sliceBytes());
                attributes.put("size_variation", (long) fault.sliceVariation());
                attributes.put("delay", millis(fault.sliceDelay(), "sliceDelay", where, problems, false) * 1000);
            }
            case CUT, DOWN -> { }
        }
        try {
            return FaultChecks.checked(new FaultSpec(fault.from(), fault.to(), false, fault.kind(), fault.direction(), fault.toxicity(), attributes));
        } catch (IllegalArgumentException e) {
            problems.add(where, e.getMessage(), "see the javadoc of @Fault for each kind's attributes");
            return null;
        }
    }

    private static long millis(String text, String attribute, String where, ConfigProblems problems, boolean required) {
        if (text.isBlank()) {
            if (required) {
                problems.add(where, attribute + " is required for this kind", "write it as a duration, such as \"300ms\" or \"2s\"");
            }
            return 0;
        }
        Duration duration = Values.parseDurationOrZero(text).orElse(null);
        if (duration == null) {
            problems.add(where, "invalid " + attribute + " \"" + text + "\"", "write a duration such as \"300ms\", \"2s\" or \"1m\"");
            return 0;
        }
        return duration.toMillis();
    }
}
