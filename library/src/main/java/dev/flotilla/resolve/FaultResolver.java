package dev.flotilla.resolve;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.flotilla.Fault;
import dev.flotilla.Faults;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.model.Values;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Reads {@link Fault @Fault} annotations into {@link FaultSpec}s: all of a test class's at once,
 * so that they are checked with the rest of the declaration, and those of one test method when
 * it runs.
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
        List<FaultSpec> faults = read(method, problems).stream().map(DeclaredFault::spec).toList();
        problems.throwIfAny();
        return faults;
    }

    /**
     * The faults on {@code testClass}'s methods, those it inherits included, each read and its values
     * checked, their problems added to {@code problems}; the services they name are checked later,
     * against the topology.
     */
    static List<DeclaredFault> declaredIn(Class<?> testClass, ConfigProblems problems) {
        Set<Method> methods = new LinkedHashSet<>();
        methods.addAll(AnnotationSupport.findAnnotatedMethods(testClass, Fault.class, HierarchyTraversalMode.TOP_DOWN));
        methods.addAll(AnnotationSupport.findAnnotatedMethods(testClass, Faults.class, HierarchyTraversalMode.TOP_DOWN));
        List<DeclaredFault> faults = new ArrayList<>();
        for (Method method : methods) {
            faults.addAll(read(method, problems));
        }
        return faults;
    }

    private static List<DeclaredFault> read(Method method, ConfigProblems problems) {
        List<DeclaredFault> faults = new ArrayList<>();
        String name = method.getDeclaringClass().getName() + "." + method.getName() + "()";
        for (Fault fault : AnnotationSupport.findRepeatableAnnotations(method, Fault.class)) {
            String annotation = shortForm(fault);
            toSpec(fault, attribute -> DeclaredFault.where(annotation, name, attribute), problems)
                    .ifPresent(spec -> faults.add(new DeclaredFault(annotation, name, spec)));
        }
        return faults;
    }

    /** The annotation by the services it names, as {@code @Fault(from = "app", to = "cache")}. */
    private static String shortForm(Fault fault) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("from", fault.from());
        named.put("to", fault.to());
        named.put("isolate", fault.isolate());
        return named.entrySet().stream().filter(attribute -> !attribute.getValue().isEmpty())
                .map(attribute -> attribute.getKey() + " = \"" + attribute.getValue() + "\"")
                .collect(Collectors.joining(", ", "@Fault(", ")"));
    }

    /**
     * The fault {@code fault} declares, its problems added to {@code problems}; empty if it names neither a
     * link nor a service to isolate. {@code where} gives where an attribute was written.
     */
    private static Optional<FaultSpec> toSpec(Fault fault, UnaryOperator<String> where, ConfigProblems problems) {
        if (!fault.isolate().isEmpty()) {
            if (!fault.from().isEmpty() || !fault.to().isEmpty() || fault.kind() != Fault.Kind.CUT) {
                problems.add(where.apply("isolate"), "isolate = \"" + fault.isolate() + "\" is combined with from, to or a kind",
                        "isolate a service on its own (it is always a cut), or name a link with from and to");
                return Optional.empty();
            }
            return Optional.of(FaultSpec.isolation(fault.isolate()));
        }
        if (fault.from().isEmpty() || fault.to().isEmpty()) {
            problems.add(where.apply(""), "neither a link (from and to) nor a service to isolate is named",
                    "write @Fault(from = \"client\", to = \"server\", ...) or @Fault(isolate = \"service\")");
            return Optional.empty();
        }
        Map<String, Long> attributes = new LinkedHashMap<>();
        int before = problems.size();
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
        FaultSpec spec = new FaultSpec(fault.from(), fault.to(), false, fault.kind(), fault.direction(), fault.toxicity(), attributes);
        if (problems.size() == before) { // a duration that could not be read would be reported again as zero
            FaultChecks.problemsOf(spec).forEach(problem -> problems.add(where.apply(problem.attribute()), problem.message(), problem.fix()));
        }
        // Returned with bad values too, so that the services it names are checked as well.
        return Optional.of(spec);
    }

    private static long millis(String text, String attribute, UnaryOperator<String> where, ConfigProblems problems, boolean required) {
        if (text.isBlank()) {
            if (required) {
                problems.add(where.apply(attribute), attribute + " is required for this kind", "write it as a duration, such as \"300ms\" or \"2s\"");
            }
            return 0;
        }
        Duration duration = Values.parseDurationOrZero(text).orElse(null);
        if (duration == null) {
            problems.add(where.apply(attribute), "invalid " + attribute + " \"" + text + "\"", "write a duration such as \"300ms\", \"2s\" or \"1m\"");
            return 0;
        }
        return duration.toMillis();
    }
}
