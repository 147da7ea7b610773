package dev.flotilla.bench;

import java.util.List;

/**
 * One service of a scenario: a busybox httpd, known by {@code name} on the topology's network,
 * started only once every service in {@code dependsOn} answers HTTP.
 */
record ServiceShape(String name, List<String> dependsOn) {

    ServiceShape {
        dependsOn = List.copyOf(dependsOn);
    }
}
