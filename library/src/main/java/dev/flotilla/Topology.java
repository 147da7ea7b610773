package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.junit.FlotillaExtension;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares that a test class runs against a topology of containers, described by the
 * {@link Service @Service} annotations present on the same class (directly, through a composed
 * annotation, or inherited from a superclass or an enclosing class of a {@code @Nested} class).
 *
 * <p>{@code @Topology} may be used as a meta-annotation, so a whole topology can be declared once
 * on an annotation of your own and reused by many test classes:
 *
 * <pre>{@code
 * @Retention(RUNTIME) @Target(TYPE)
 * @Topology
 * @Service(name = "db", image = "postgres:15", ports = 5432, env = "POSTGRES_PASSWORD=secret")
 * @Service(name = "cache", image = "redis:7", ports = 6379)
 * public @interface ShopStack {}
 * }</pre>
 *
 * <p>Flotilla pulls missing images, creates one Docker network for the topology, starts the
 * services in dependency order (in parallel where the graph allows), waits until each is
 * ready, injects {@link ServiceHandle}s and {@link Endpoint @Endpoint}s, and removes every
 * container and the network when the {@link #scope() scope} ends.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(FlotillaExtension.class)
public @interface Topology {

    /**
     * The topology's name, used in container and network names and in messages. Defaults to
     * the simple name of the composed annotation that carries {@code @Topology}, or of the test
     * class when {@code @Topology} is on the class itself.
     *
     * @return the topology's name; empty for the default
     */
    String name() default "";

    /**
     * How long one running instance of the topology lives; {@link Scope#CLASS} by default.
     *
     * @return the topology's scope
     */
    Scope scope() default Scope.CLASS;

    /**
     * When images are pulled; {@link PullPolicy#DEFAULT} defers to the {@code flotilla.pull.policy} setting.
     *
     * @return the pull policy
     */
    PullPolicy pull() default PullPolicy.DEFAULT;

    /**
     * Whether a running instance may outlive the test run, to be found and reused by a later run
     * with an equal topology, which then starts in a fraction of the time. It takes effect only
     * where reuse is also switched on globally ({@code flotilla.reuse.enabled=true} as a system
     * property, environment variable {@code FLOTILLA_REUSE_ENABLED} or in
     * {@code flotilla.properties}): a safety catch, so CI never keeps containers by accident.
     * A changed topology starts a new instance; an instance unused for {@code flotilla.reuse.ttl}
     * (30 minutes by default) is removed by the next run's sweep. Reused instances keep their
     * state (data written by earlier runs stays).
     *
     * @return {@code true} to let the instance be kept and reused where reuse is switched on globally
     */
    boolean reuse() default false;
}
