package dev.flotilla.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.Fault;
import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.model.NearestName;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;

/**
 * The checks every fault passes, from an annotation or from code: each kind's attributes in range;
 * and, for a {@code @Fault}, known before the topology starts, the services it names.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FaultChecks {

    /** Each attribute of {@link FaultSpec#attributes()}, by the name {@code @Fault} gives it. */
    private static final Map<String, String> ANNOTATION_ATTRIBUTES = Map.of("latency", "latency", "jitter", "jitter",
            "rate", "kilobytesPerSecond", "timeout", "after", "bytes", "bytes", "average_size", "sliceBytes",
            "size_variation", "sliceVariation", "delay", "sliceDelay");

    private FaultChecks() {
    }

    /** What is wrong with a fault: the {@code @Fault} attribute at fault, why, and the fix for that attribute. */
    record Problem(String attribute, String message, String fix) {
    }

    /**
     * Returns {@code fault} if its attributes make sense for its kind.
     *
     * @throws IllegalArgumentException saying which attribute is wrong and why
     */
    public static FaultSpec checked(FaultSpec fault) {
        List<Problem> problems = problemsOf(fault);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
        return fault;
    }

    /** Every problem of {@code fault}'s attributes, in attribute order. */
    static List<Problem> problemsOf(FaultSpec fault) {
        List<Problem> problems = new ArrayList<>();
        if (!(fault.toxicity() >= 0.0 && fault.toxicity() <= 1.0)) {
            problems.add(new Problem("toxicity", "toxicity " + fault.toxicity() + " is not a share between 0.0 and 1.0",
                    "write a share such as toxicity = 0.5"));
        }
        if (fault.kind() == Fault.Kind.DOWN && fault.toxicity() != 1.0) {
            problems.add(new Problem("toxicity", "A link that is down refuses every connection: toxicity " + fault.toxicity()
                    + " does not apply to down(). Use resetPeer(Duration.ZERO) to break a share of connections.",
                    "remove toxicity, or break a share of connections with kind = RESET_PEER"));
        }
        if (!fault.isolate() && fault.client().equals(fault.server())) {
            problems.add(new Problem("to", "the link from \"" + fault.client() + "\" to itself is not a link",
                    "name two different services"));
        }
        fault.attributes().forEach((name, value) -> {
            if (value < 0) {
                String attribute = ANNOTATION_ATTRIBUTES.getOrDefault(name, name);
                problems.add(new Problem(attribute, name + " " + value + " is negative", "set " + attribute + " to zero or more"));
            }
        });
        switch (fault.kind()) {
            case LATENCY -> positive(fault, "latency", "a latency").ifPresent(problems::add);
            case BANDWIDTH -> positive(fault, "rate", "kilobytes a second").ifPresent(problems::add);
            case LIMIT_DATA -> positive(fault, "bytes", "a number of bytes").ifPresent(problems::add);
            case SLICER -> positive(fault, "average_size", "a slice size in bytes").ifPresent(problems::add);
            default -> { }
        }
        return problems;
    }

    /**
     * Adds a problem for each service {@code fault} names that {@code spec} does not run while a test
     * does: one it does not declare (with the declared name nearest to it, if one is) or a one-shot job.
     */
    static void checkServices(DeclaredFault fault, TopologySpec spec, ConfigProblems problems) {
        List<String> declared = spec.services().stream().map(ServiceSpec::name).toList();
        Map<String, String> named = new LinkedHashMap<>();
        if (fault.spec().isolate()) {
            named.put("isolate", fault.spec().client());
        } else {
            named.put("from", fault.spec().client());
            named.put("to", fault.spec().server());
        }
        named.forEach((attribute, name) -> {
            Optional<ServiceSpec> service = spec.service(name);
            if (service.isEmpty()) {
                problems.add(fault.where(attribute), "unknown service \"" + name + "\" (declared services: " + declared + ")",
                        NearestName.fix(name, declared, "name a service declared in the topology"));
            } else if (service.get().job()) {
                problems.add(fault.where(attribute), "service \"" + name + "\" is a one-shot job, which has exited before the test runs",
                        "fault a service that keeps running");
            }
        });
    }

    private static Optional<Problem> positive(FaultSpec fault, String attribute, String what) {
        if (fault.attributes().getOrDefault(attribute, 0L) != 0) {
            return Optional.empty(); // above zero, or negative: said above
        }
        String annotationAttribute = ANNOTATION_ATTRIBUTES.get(attribute);
        return Optional.of(new Problem(annotationAttribute, "a " + fault.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " fault needs " + what + " above zero", "set " + annotationAttribute + " above zero"));
    }
}
