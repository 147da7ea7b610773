package dev.flotilla.faultproxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The proxy's toxics by name, in the order they were added (the order in which they act on data). */
final class ToxicRegistry {

    private final Map<String, Toxic> toxics = new LinkedHashMap<>();

    synchronized void add(Toxic toxic) throws DuplicateToxicException {
        if (toxics.containsKey(toxic.name())) {
            throw new DuplicateToxicException(toxic.name());
        }
        toxics.put(toxic.name(), toxic);
    }

    /** Removes the named toxic; returns it, or {@code null} if there was none. */
    synchronized Toxic remove(String name) {
        return toxics.remove(name);
    }

    synchronized void clear() {
        toxics.clear();
    }

    synchronized List<Toxic> snapshot() {
        return List.copyOf(toxics.values());
    }

    /** Whether a cut affects every connection (toxicity 1), so that new ones must not be taken either. */
    synchronized boolean cutsEveryConnection() {
        return toxics.values().stream().anyMatch(toxic -> toxic.type() == ToxicType.CUT && toxic.toxicity() >= 1.0);
    }

    synchronized boolean hasType(ToxicType type) {
        return toxics.values().stream().anyMatch(toxic -> toxic.type() == type);
    }
}
