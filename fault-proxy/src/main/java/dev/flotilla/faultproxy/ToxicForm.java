package dev.flotilla.faultproxy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns the fields of a {@code POST /toxics} form into a {@link Toxic}, rejecting anything invalid. */
final class ToxicForm {

    // Names appear in URL paths and in space-separated listing lines, so they cannot hold '/' or spaces.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private ToxicForm() {
    }

    static Toxic parse(Map<String, String> fields) throws InvalidToxicException {
        Map<String, String> remaining = new HashMap<>(fields);
        String name = remaining.remove("name");
        if (name == null || name.isEmpty()) {
            throw new InvalidToxicException("name is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidToxicException("name must be 1 to 100 of A-Z a-z 0-9 . _ -, got '" + name + "'");
        }
        String typeName = remaining.remove("type");
        if (typeName == null || typeName.isEmpty()) {
            throw new InvalidToxicException("type is required");
        }
        ToxicType type = ToxicType.fromWireName(typeName);
        String streamName = remaining.remove("stream");
        Stream stream = streamName == null ? Stream.DOWNSTREAM : Stream.fromWireName(streamName);
        String toxicityText = remaining.remove("toxicity");
        double toxicity = toxicityText == null ? 1.0 : parseToxicity(toxicityText);

        Map<String, Long> attributes = new LinkedHashMap<>();
        for (Attribute attribute : type.attributes()) {
            String text = remaining.remove(attribute.name());
            if (text == null) {
                if (attribute.isRequired()) {
                    throw new InvalidToxicException("attribute '" + attribute.name() + "' is required for type " + typeName);
                }
                attributes.put(attribute.name(), attribute.defaultValue());
            } else {
                attributes.put(attribute.name(), parseAttribute(attribute.name(), text));
            }
        }
        if (!remaining.isEmpty()) {
            String unknown = remaining.keySet().stream().sorted().findFirst().orElseThrow();
            throw new InvalidToxicException("unknown field '" + unknown + "' for type " + typeName
                    + "; its attributes: " + attributeNames(type));
        }
        return new Toxic(name, type, stream, toxicity, attributes);
    }

    private static double parseToxicity(String text) throws InvalidToxicException {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0.0 && value <= 1.0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value
        }
        throw new InvalidToxicException("toxicity must be a number from 0.0 to 1.0, got '" + text + "'");
    }

    private static long parseAttribute(String name, String text) throws InvalidToxicException {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below, with the value
        }
        throw new InvalidToxicException("attribute '" + name + "' must be a non-negative integer, got '" + text + "'");
    }

    private static String attributeNames(ToxicType type) {
        if (type.attributes().isEmpty()) {
            return "none";
        }
        return String.join(", ", type.attributes().stream().map(Attribute::name).toList());
    }
}
