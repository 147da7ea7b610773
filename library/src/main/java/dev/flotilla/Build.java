package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Builds a service's image from a Dockerfile of the project, instead of running an existing
 * {@link Service#image()}. Set it as {@link Service#build()}:
 *
 * <pre>{@code
 * @Service(name = "web", build = @Build(context = "src/test/docker/web", args = "GREETING=hello"), ports = 8080)
 * }</pre>
 *
 * <p>The image is built before the topology starts, while the other images are pulled, and tagged
 * {@code flotilla-build/<service>:<hash>} by a hash of the context's content, the Dockerfile's
 * path, the arguments and the target: an unchanged context reuses the image without building.
 * The build's progress is logged every few seconds; a failed build fails the start with the
 * engine's words, before anything starts.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Build {

    /**
     * The build context: a directory, relative to the working directory (the module's, under Maven and Gradle) unless absolute.
     *
     * @return the build context's directory
     */
    String context();

    /**
     * The Dockerfile's path inside the context.
     *
     * @return the Dockerfile's path relative to {@link #context()}; {@code "Dockerfile"} unless set
     */
    String dockerfile() default "Dockerfile";

    /**
     * Build arguments, each {@code "NAME=value"}.
     *
     * @return the build arguments as {@code "NAME=value"} pairs; none unless set
     */
    String[] args() default {};

    /**
     * The stage of a multi-stage Dockerfile to build; empty (the default) builds the last.
     *
     * @return the stage to build, or empty for the last stage
     */
    String target() default "";
}
