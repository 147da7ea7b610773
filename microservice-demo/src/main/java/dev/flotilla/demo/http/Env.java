package dev.flotilla.demo.http;

/** Reads a service's settings from its environment, which the topology declares. */
public final class Env {

    private Env() {
    }

    /** The value of {@code name}, or {@code fallback} when unset. */
    public static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The value of {@code name}; fails naming the variable when unset. */
    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set. Fix: declare it in the service's env.");
        }
        return value;
    }
}
