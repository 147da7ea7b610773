package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * One container of a {@link Topology @Topology}. Repeatable; place it on the test class or on a
 * composed annotation that also carries {@code @Topology}.
 *
 * <p>Inside the topology's network the service is reachable under its {@link #name()} and
 * every one of its {@link #aliases()}. From the test, use the {@link ServiceHandle} or an
 * {@link Endpoint @Endpoint}: {@link #ports()} are published on random host ports, on the
 * address that {@link #bindAddress()} describes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Services.class)
public @interface Service {

    /**
     * The service's name: unique in the topology, also its network alias. Lower-case letters, digits, '-' and '_'.
     *
     * @return the service's name
     */
    String name();

    /**
     * The image reference, for example {@code "redis:7"} or {@code "registry.local:5000/team/api:1.2"}.
     * Leave it empty when the service is a {@link #javaApp()} or has a {@link #build()}: set exactly one of the three.
     *
     * @return the image reference; empty where {@link #javaApp()}, {@link #build()} or {@link #factory()} makes the
     *     container
     */
    String image() default "";

    /**
     * A Java main class to run in an image that Flotilla builds from this JVM's class path, instead
     * of an {@link #image()}; see {@link JavaApp}. At most one.
     *
     * @return the Java application to run, or none
     */
    JavaApp[] javaApp() default {};

    /**
     * Builds the image from a Dockerfile of the project instead of running an existing
     * {@link #image()}; see {@link Build}. At most one, and not with an image or a {@link #javaApp()}.
     *
     * @return the image build, or none
     */
    Build[] build() default {};

    /**
     * A static method that makes the service's container as a Testcontainers container object (a
     * {@code GenericContainer} or module, such as {@code new PostgreSQLContainer<>("postgres:15")}),
     * instead of an {@link #image()}: {@code "postgres"} names a method of the test class (or of the
     * class that declares the topology), {@code "com.example.Containers#postgres"} one of another
     * class. The object keeps its own configuration and waits and its helpers ({@code getJdbcUrl()});
     * Flotilla starts it in dependency order on the topology's network under the service's name and
     * aliases, labels it, follows its output, injects it ({@code PostgreSQLContainer<?> db}) and
     * removes it. Ports, environment, command and waits are set on the object, not here.
     *
     * @return the factory method's name, as {@code "method"} or {@code "com.example.Class#method"}; empty for none
     */
    String factory() default "";

    /**
     * Container ports to publish on random host ports (TCP), for example {@code {8080, 9090}}.
     *
     * @return the container ports published on random host ports
     */
    int[] ports() default {};

    /**
     * Container ports to publish on fixed host ports, each as {@code "hostPort:containerPort"},
     * for example {@code "18080:8080"}. Prefer {@link #ports()}: fixed ports collide when tests
     * run in parallel.
     *
     * @return the fixed mappings as {@code "hostPort:containerPort"}
     */
    String[] fixedPorts() default {};

    /**
     * Environment variables, each as {@code "KEY=value"}.
     *
     * @return the environment variables as {@code "KEY=value"}
     */
    String[] env() default {};

    /**
     * Environment variables whose values are secret, each as {@code "KEY=value"} or
     * {@code "KEY=${NAME}"} to read the value from the system property or environment variable
     * {@code NAME}. A secret never shows in the container's Docker configuration ({@code docker
     * inspect}) nor in the requests Flotilla sends to Docker: it is copied in as a compressed
     * file that a small {@code /bin/sh} wrapper exports before the image's entry point runs, so
     * the image needs {@code /bin/sh}. Flotilla masks the values as {@code ******} in the
     * container output it logs, in failure reports, messages and {@code toString()}.
     *
     * @return the secret environment variables as {@code "KEY=value"} or {@code "KEY=${NAME}"}
     */
    String[] secrets() default {};

    /**
     * The command, replacing the image's {@code CMD}; each element is one argument.
     *
     * @return the command's arguments; empty for the image's {@code CMD}
     */
    String[] command() default {};

    /**
     * The entry point, replacing the image's {@code ENTRYPOINT}; each element is one argument.
     *
     * @return the entry point's arguments; empty for the image's {@code ENTRYPOINT}
     */
    String[] entrypoint() default {};

    /**
     * Names of services that must be ready before this one starts.
     *
     * @return the names of the services this one waits for
     */
    String[] dependsOn() default {};

    /**
     * Further network aliases, besides {@link #name()}.
     *
     * @return the further network aliases
     */
    String[] aliases() default {};

    /**
     * When the service counts as ready; all conditions must hold. By default Flotilla waits until
     * every declared port accepts connections, or only until the container runs when no port is
     * declared.
     *
     * @return the readiness conditions; empty for the default check
     */
    WaitFor[] waitFor() default {};

    /**
     * How long the service may take from start to ready, for example {@code "90s"}, {@code "2m"} or
     * {@code "500ms"}; empty means 60 seconds.
     *
     * @return the startup timeout as a duration; empty for 60 seconds
     */
    String startupTimeout() default "";

    /**
     * Memory limit, for example {@code "256m"} or {@code "1g"}; empty for none.
     *
     * @return the memory limit, or empty for none
     */
    String memory() default "";

    /**
     * Files copied into the container before it starts.
     *
     * @return the files to copy in
     */
    CopyFile[] files() default {};

    /**
     * Extra container labels, each as {@code "key=value"}; keys starting with {@code dev.flotilla.} are reserved.
     *
     * @return the extra labels as {@code "key=value"}
     */
    String[] labels() default {};

    /**
     * The host address that published ports bind to, such as {@code "0.0.0.0"}. Empty (the default)
     * means loopback ({@code 127.0.0.1}) where the Docker engine runs on this machine, so nothing is
     * reachable from other machines, and every interface where the engine is remote (a
     * {@code tcp://} {@code DOCKER_HOST}, a CI {@code docker:dind} service), so that the test can
     * reach the ports at the engine's address.
     *
     * @return the host address published ports bind to; empty to let Flotilla choose as above
     */
    String bindAddress() default "";

    /**
     * Whether the service is a one-shot job that must run to completion: a database migration,
     * seed data, a topic created. It counts as ready once its container has exited with 0, so its
     * dependents start only then; any other exit code fails the topology's start with the job's
     * log tail. {@link #waitFor()} does not apply; {@link #startupTimeout()} bounds how long it may run.
     * The exited container stays (its log and state readable through its handle) until teardown.
     *
     * @return {@code true} for a one-shot job
     */
    boolean job() default false;

    /**
     * Storage mounted into the container, in Compose's short form: {@code "data:/var/lib/data"} (a
     * volume of the topology instance, created with it, shared by the services that name it, removed
     * with it), {@code "./conf:/etc/app:ro"} (a file or directory of this machine, relative to the
     * working directory; copied in before start where the engine does not share this machine's
     * files), {@code "/cache"} (an anonymous volume, removed with the container).
     *
     * @return the mounts in Compose's short form
     */
    String[] volumes() default {};

    /**
     * Paths mounted as memory-backed storage, such as {@code "/run"} or {@code "/tmp:size=64m"}.
     *
     * @return the tmpfs mount points, each optionally with {@code :options}
     */
    String[] tmpfs() default {};

    /**
     * The user (a name, or {@code uid[:gid]}) the container's process runs as; empty for the image's.
     *
     * @return the user, or empty for the image's
     */
    String user() default "";

    /**
     * The working directory of the container's process; empty for the image's.
     *
     * @return the working directory, or empty for the image's
     */
    String workingDir() default "";

    /**
     * {@code /etc/hosts} entries of the container, each {@code "name:address"}.
     *
     * @return the extra {@code /etc/hosts} entries as {@code "name:address"}
     */
    String[] extraHosts() default {};

    /**
     * The topology's networks the service joins, instead of the topology's own network alone (named
     * {@code "default"} here): services share a network only where they name the same one, as in
     * compose files. Each topology instance has its own Docker network of each name.
     *
     * @return the names of the networks to join; empty for the topology's own network alone
     */
    String[] networks() default {};

    /**
     * How many containers run the service, 1 or more. Each replica is a container of its own,
     * and every one answers to the service's {@link #name()} and {@link #aliases()} on the
     * topology's network, so Docker's DNS hands clients the replicas' addresses in turn
     * (round robin per lookup). Each replica must be ready before the services that depend on
     * this one start. {@link ServiceHandle#replicas()} reaches each replica; the service's own
     * handle addresses replica 1. Not with {@link #fixedPorts()} (the replicas' host ports would
     * collide) nor with a {@link #factory()} (its one container object cannot be started twice).
     *
     * @return the number of replicas; 1 unless set
     */
    int replicas() default 1;

    /**
     * Whether the service's state, once prepared, is kept as an image that later starts begin from.
     * What prepares it are the one-shot {@link #job() jobs} that depend on it (a migration, seed
     * data): the first start runs them, then stops the service, keeps its container and volumes as
     * an image tagged by a hash of its declaration, of theirs and of their images, and starts it
     * again. Every later start of an equal declaration (this run, later runs, other JVMs) starts the
     * service from that image and does not run those jobs. Any change to the service, to a job or
     * to their images makes a new snapshot. Snapshots are removed {@code flotilla.snapshots.ttl}
     * (7 days) after they were taken; {@code flotilla.snapshots=off} always prepares. Wait for the
     * service with a port, HTTP, command or health check condition: a log line that its first
     * initialization printed twice is printed once when it starts from a snapshot.
     *
     * @return {@code true} to keep the prepared state as a snapshot image
     */
    boolean snapshot() default false;
}
