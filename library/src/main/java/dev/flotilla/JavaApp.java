package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Runs a Java main class of this JVM's class path as a service, in an image that Flotilla builds
 * at start time: no Dockerfile to write. Set it as {@link Service#javaApp()} and leave
 * {@link Service#image()} empty:
 *
 * <pre>{@code
 * @Service(name = "orders", javaApp = @JavaApp(mainClass = "com.example.orders.OrdersApp"),
 *          ports = 8080, waitFor = @WaitFor(http = "/health", port = 8080))
 * }</pre>
 *
 * <p>The image starts {@code FROM} {@link #baseImage()} (pulled like any other image, by the
 * topology's pull policy), holds a copy of each class path entry of this JVM (directories and
 * jars, in class path order, under {@code /app/}) and runs
 * {@code java <jvmArgs> -cp <entries> <mainClass> <command>}: the service's
 * {@link Service#command()} becomes the program arguments.
 *
 * <p>The class path is the one the application class loader sees, with the {@code Class-Path}
 * of manifest-only jars (as Maven Surefire uses) expanded, plus the entries of any
 * {@link java.net.URLClassLoader} that loaded the calling thread's context (as
 * {@code exec:java} and IDE runners use).
 *
 * <p>The image is tagged {@code flotilla-app/<service>:<hash>}, where the hash covers the content
 * of every copied entry, the main class, the JVM arguments and the base image, and is labelled
 * {@code dev.flotilla.app=true}. When an image with that tag exists, it is reused without a
 * build; a changed class or jar gives a new tag and a new build. Old tags are not removed:
 * {@code docker image prune -a --filter label=dev.flotilla.app=true} removes those no container uses.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface JavaApp {

    /**
     * The binary name of the class with the {@code main} method, for example {@code "com.example.orders.OrdersApp"}.
     *
     * @return the main class's binary name
     */
    String mainClass();

    /**
     * Keeps only the class path entries that match one of these globs (see
     * {@link java.nio.file.FileSystem#getPathMatcher(String)}), each matched against the entry's
     * absolute path and against its file name, for example {@code {"classes", "postgresql-*.jar"}}
     * or {@code "**}{@code /orders/target/classes"}. Empty keeps every entry.
     *
     * @return the globs that select class path entries; empty (the default) keeps every entry
     */
    String[] classpath() default {};

    /**
     * Options for the {@code java} command, before {@code -cp}, for example {@code {"-Xmx128m"}}.
     *
     * @return the JVM options; none unless set
     */
    String[] jvmArgs() default {};

    /**
     * The image to build on, which must have {@code java} on its {@code PATH}; empty means {@code eclipse-temurin:17-jre}.
     *
     * @return the base image; empty for {@code eclipse-temurin:17-jre}
     */
    String baseImage() default "";
}
