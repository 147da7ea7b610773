package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The topology instances the tests of this run saw, by scope, so that a later test can ask
 * Docker whether an earlier scope's instance is gone. All classes run in one JVM (one surefire fork).
 */
final class Instances {

    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    private Instances() {
    }

    static void remember(String scope, String instance) {
        SEEN.computeIfAbsent(scope, key -> new CopyOnWriteArrayList<>()).add(instance);
    }

    /** The instances seen under a scope, in order; fails if an earlier class that should have recorded some did not run. */
    static List<String> seen(String scope) {
        List<String> instances = SEEN.getOrDefault(scope, List.of());
        assertThat(instances).as("instances recorded by the \"%s\" tests, which run earlier in this class order", scope).isNotEmpty();
        return List.copyOf(instances);
    }
}
