package dev.flotilla.resolve;

import dev.flotilla.model.FaultSpec;

/**
 * A {@code @Fault} read from a test method, with where it was declared, so that a problem found
 * when checking it against the topology points at the annotation and its attribute.
 *
 * @param annotation the annotation as a user would spot it, such as {@code @Fault(from = "app", to = "cache")}
 * @param method the test method carrying it, as {@code com.example.ShopTest.slowCache()}
 * @param spec the fault itself
 */
record DeclaredFault(String annotation, String method, FaultSpec spec) {

    /** Where the annotation's {@code attribute} was written, such as {@code @Fault(from = "app", to = "cache").to on ...}. */
    String where(String attribute) {
        return where(annotation, method, attribute);
    }

    /** Where {@code attribute} of {@code annotation} on {@code method} was written; {@code ""} for the annotation as a whole. */
    static String where(String annotation, String method, String attribute) {
        return annotation + (attribute.isEmpty() ? "" : "." + attribute) + " on " + method;
    }
}
