package dev.flotilla.resolve;

import java.util.Locale;

import dev.flotilla.Fault;
import dev.flotilla.model.FaultSpec;
import org.apiguardian.api.API;

/** The checks every fault passes, from an annotation or from code: each kind's attributes in range. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FaultChecks {

    private FaultChecks() {
    }

    /**
     * Returns {@code fault} if its attributes make sense for its kind.
     *
     * @throws IllegalArgumentException saying which attribute is wrong and why
     */
    public static FaultSpec checked(FaultSpec fault) {
        if (!(fault.toxicity() >= 0.0 && fault.toxicity() <= 1.0)) {
            throw new IllegalArgumentException("toxicity " + fault.toxicity() + " is not a share between 0.0 and 1.0");
        }
        if (fault.kind() == Fault.Kind.DOWN && fault.toxicity() != 1.0) {
            throw new IllegalArgumentException("A link that is down refuses every connection: toxicity " + fault.toxicity()
                    + " does not apply to down(). Use resetPeer(Duration.ZERO) to break a share of connections.");
        }
        if (!fault.isolate() && fault.client().equals(fault.server())) {
            throw new IllegalArgumentException("the link from \"" + fault.client() + "\" to itself is not a link");
        }
        fault.attributes().forEach((name, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException(name + " " + value + " is negative");
            }
        });
        switch (fault.kind()) {
            case LATENCY -> positive(fault, "latency", "a latency");
            case BANDWIDTH -> positive(fault, "rate", "kilobytes a second");
            case LIMIT_DATA -> positive(fault, "bytes", "a number of bytes");
            case SLICER -> positive(fault, "average_size", "a slice size in bytes");
            default -> { }
        }
        return fault;
    }

    private static void positive(FaultSpec fault, String attribute, String what) {
        if (fault.attributes().getOrDefault(attribute, 0L) <= 0) {
            throw new IllegalArgumentException("a " + fault.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " fault needs " + what
                    + " above zero");
        }
    }
}
