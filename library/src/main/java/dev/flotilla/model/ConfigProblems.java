package dev.flotilla.model;

import java.util.ArrayList;
import java.util.List;

import dev.flotilla.FlotillaConfigurationException;
import org.apiguardian.api.API;

/**
 * Collects every problem of one declaration, so the user sees all of them at once, then throws
 * one {@link FlotillaConfigurationException} listing them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    /** Records one problem: where it is, what is wrong (naming the bad value) and how to fix it (a question keeps its mark). */
    public void add(String where, String problem, String fix) {
        problems.add(where + ": " + problem + ". Fix: " + fix + (fix.endsWith("?") ? "" : "."));
    }

    /** How many problems were recorded so far. */
    public int size() {
        return problems.size();
    }

    /** Whether no problem was recorded. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one exception naming every recorded problem, if there is any. */
    public void throwIfAny() {
        if (problems.size() == 1) {
            throw new FlotillaConfigurationException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(problems.size() + " problems in the topology declaration:");
            problems.forEach(p -> message.append("\n  - ").append(p));
            throw new FlotillaConfigurationException(message.toString());
        }
    }
}
