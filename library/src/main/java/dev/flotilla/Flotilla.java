package dev.flotilla;

import dev.flotilla.resolve.AnnotationTopologyResolver;
import dev.flotilla.resolve.TopologyDeclaration;
import org.apiguardian.api.API;

/**
 * The code API: build a topology in code, or take one declared with annotations, and run it
 * outside JUnit.
 *
 * <pre>{@code
 * TopologyDefinition shop = Flotilla.topology("shop")
 *         .service("db", "postgres:15", db -> db.ports(5432).env("POSTGRES_PASSWORD", "secret"))
 *         .service("cache", "redis:7", cache -> cache.ports(6379))
 *         .build();
 * try (RunningTopology running = shop.start()) {
 *     URI cache = running.service("cache").uri("redis", 6379);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Flotilla {

    private Flotilla() {
    }

    /**
     * Starts building a topology named {@code name}.
     *
     * @param name the topology's name, as reports, logs and container labels show it
     * @return a new builder for that topology
     */
    public static TopologyBuilder topology(String name) {
        return new TopologyBuilder(name);
    }

    /**
     * The topology declared with {@link Topology @Topology} and {@link Service @Service} on
     * {@code annotated}: a test class or a composed annotation such as {@code ShopStack.class}.
     *
     * @param annotated the class or annotation type that carries {@code @Topology}, directly or through a composed
     *     annotation
     * @return the topology it declares, ready to {@link TopologyDefinition#start() start}
     * @throws FlotillaConfigurationException if there is no {@code @Topology} or the declaration is invalid
     */
    public static TopologyDefinition fromAnnotations(Class<?> annotated) {
        TopologyDeclaration declaration = AnnotationTopologyResolver.resolve(annotated)
                .orElseThrow(() -> new FlotillaConfigurationException(annotated.getName()
                        + " carries no @Topology. Fix: annotate it with @Topology (directly or through a composed annotation)."));
        return new TopologyDefinition(declaration.spec());
    }
}
