package dev.flotilla.faultproxy;

/**
 * One integer attribute of a toxic type.
 *
 * @param name         the form field that sets it
 * @param defaultValue its value when the field is absent, or {@code null} if the field is required
 */
record Attribute(String name, Long defaultValue) {

    static Attribute required(String name) {
        return new Attribute(name, null);
    }

    static Attribute optional(String name, long defaultValue) {
        return new Attribute(name, defaultValue);
    }

    boolean isRequired() {
        return defaultValue == null;
    }
}
