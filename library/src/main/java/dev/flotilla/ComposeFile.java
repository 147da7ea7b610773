package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Adds the services of compose files to the topology, read by Flotilla itself: no
 * {@code docker compose} CLI and no helper container. They start, wait, are injected, reported
 * and removed like {@link Service @Service} declarations, which may sit beside them and depend on
 * them (or they on those).
 *
 * <pre>{@code
 * @Topology
 * @ComposeFile("src/test/resources/compose.yaml")
 * class ShopTest {
 *     @Endpoint("web:80") URI web;
 * }
 * }</pre>
 *
 * <p>The supported keys are listed in the README; any other key is an error naming its line,
 * before anything starts. Reading compose files needs {@code org.yaml:snakeyaml} on the test
 * class path. Compose networks and named volumes belong to the topology instance: created with
 * it, removed with it, never shared with a parallel run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface ComposeFile {

    /**
     * The compose files, merged in order as {@code docker compose -f a.yaml -f b.yaml} merges them;
     * relative to the working directory (a Maven module's directory). Relative paths in the files
     * start at the first file's directory, where a {@code .env} file is read too.
     *
     * @return the compose files' paths, in the order they are merged
     */
    String[] value();

    /**
     * The active profiles: a service with {@code profiles} runs only if one of them is listed here.
     *
     * @return the names of the active profiles; none unless set
     */
    String[] profiles() default {};

    /**
     * Whether every published port gets a random host port, whatever host port the files name:
     * parallel-safe, and no clash with what else runs on the machine. Off by default, as Compose
     * publishes {@code "8080:80"} on 8080.
     *
     * @return {@code true} to publish every port on a random host port
     */
    boolean randomHostPorts() default false;
}
