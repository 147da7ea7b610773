package dev.flotilla.model;

import java.util.List;

import org.apiguardian.api.API;

/**
 * A service that runs a Java main class in an image built from this JVM's class path.
 *
 * @param mainClass binary name of the class with the {@code main} method
 * @param classpath globs selecting class path entries; empty selects all
 * @param jvmArgs options of the {@code java} command
 * @param baseImage the image built on
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record JavaAppSpec(String mainClass, List<String> classpath, List<String> jvmArgs, String baseImage) {

    /** The base image when none is named. */
    public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";

    public JavaAppSpec {
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
