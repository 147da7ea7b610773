package dev.flotilla.faultproxy;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One fault, as created over the control API: immutable, validated by {@link ToxicForm}.
 *
 * @param name       unique among the proxy's toxics
 * @param type       what the fault does
 * @param stream     which direction of data it affects
 * @param toxicity   the share of connections it affects, decided once per connection
 * @param attributes every attribute of the type, in the type's order, defaults filled in
 */
record Toxic(String name, ToxicType type, Stream stream, double toxicity, Map<String, Long> attributes) {

    /** Copies the attributes, so that the record stays immutable. */
    public Toxic {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** The value of one of the type's attributes. */
    public long attribute(String attributeName) {
        Long value = attributes.get(attributeName);
        if (value == null) {
            throw new IllegalArgumentException(type.wireName() + " has no attribute " + attributeName);
        }
        return value;
    }

    /** The line that {@code GET /toxics} shows: {@code name type stream toxicity key=value ...}. */
    public String describe() {
        String attributeText = attributes.entrySet().stream()
                .map(entry -> " " + entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining());
        return name + " " + type.wireName() + " " + stream.wireName() + " " + toxicity + attributeText;
    }
}
