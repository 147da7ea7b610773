package dev.flotilla.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apiguardian.api.API;

/**
 * An image built from a service's own Dockerfile.
 *
 * @param context the build context: a directory, relative to the working directory unless absolute
 * @param dockerfile the Dockerfile's path inside the context
 * @param args build arguments ({@code ARG} values)
 * @param target the stage of a multi-stage Dockerfile to build; empty for the last
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record DockerBuildSpec(String context, String dockerfile, Map<String, String> args, Optional<String> target) {

    /** The Dockerfile's name when none is given. */
    public static final String DEFAULT_DOCKERFILE = "Dockerfile";

    public DockerBuildSpec {
        args = Collections.unmodifiableMap(new TreeMap<>(args));
        target = target.filter(t -> !t.isBlank());
    }
}
