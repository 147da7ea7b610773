package dev.flotilla.resolve.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What every service of a compose project is read against: the project directory, the variables,
 * where each key was written, and the names the project declares.
 *
 * @param source what was asked for
 * @param projectDirectory the first file's directory, where relative paths start
 * @param variables the variables for interpolation: the project's {@code .env}, then the process environment
 * @param locations where each key was written
 * @param serviceNames the services that run (their profiles active)
 * @param networks the declared networks
 * @param volumes the declared volumes
 */
record ComposeContext(ComposeSource source, Path projectDirectory, Map<String, String> variables, Locations locations,
        Set<String> serviceNames, Set<String> networks, Set<String> volumes) {

    /** A variable's value; null if it has none. */
    String variable(String name) {
        return variables.get(name);
    }

    String interpolate(String text) {
        return new Interpolation(variables).apply(text);
    }
}
