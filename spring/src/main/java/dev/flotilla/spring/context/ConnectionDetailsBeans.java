package dev.flotilla.spring.context;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.spring.boot3.Boot3Jdbc;
import dev.flotilla.spring.boot3.Boot3R2dbc;
import dev.flotilla.spring.boot3.Boot3Redis;
import dev.flotilla.spring.boot4.Boot4DataRedis;
import dev.flotilla.spring.boot4.Boot4Jdbc;
import dev.flotilla.spring.boot4.Boot4R2dbc;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Puts a {@link ConnectionPlan} into an application context being made: a connection details bean
 * per connection, of the interface of the Spring Boot line on the class path (4.0 moved them out
 * of {@code spring-boot-autoconfigure}), and a property source with the URL properties, ahead of
 * every other. Spring Boot's auto-configuration then backs off its property-based details.
 *
 * <p>An application has any of the Spring modules adapted to, or none: JDBC alone, JPA, Redis
 * alone. Each module's adapter ({@code Boot4Jdbc}, {@code Boot3Redis}, ...) names that module's
 * types only and is touched only after its interface was found, so a missing module is never
 * loaded. One class for several modules would need all of them: the JVM's verifier loads each
 * interface its code returns as, when the class is first used.
 */
final class ConnectionDetailsBeans {

    /** Where each line keeps each interface; 4.0's are looked for first, as the newer. 3.5 keeps all three in spring-boot-autoconfigure. */
    private static final String BOOT4_JDBC = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";
    private static final String BOOT3_JDBC = "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails";
    private static final String BOOT4_R2DBC = "org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails";
    private static final String BOOT3_R2DBC = "org.springframework.boot.autoconfigure.r2dbc.R2dbcConnectionDetails";
    private static final String R2DBC_SPI = "io.r2dbc.spi.ConnectionFactoryOptions";
    private static final String BOOT4_REDIS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";
    private static final String BOOT3_REDIS = "org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails";

    /** The name of the property source holding the {@code @ServiceUrl} properties. */
    static final String PROPERTY_SOURCE = "flotillaServiceUrls";

    private ConnectionDetailsBeans() {
    }

    static void register(ConfigurableApplicationContext context, ConnectionPlan plan, TopologySpec spec, RunningTopology topology) {
        if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
            throw new IllegalStateException("Flotilla cannot register connection details: the bean factory of " + context
                    + " is not a BeanDefinitionRegistry (" + context.getBeanFactory().getClass().getName() + ")");
        }
        ClassLoader loader = context.getClassLoader();
        for (ConnectionPlan.Connection connection : plan.connections()) {
            ServiceHandle handle = topology.service(connection.service());
            String prefix = "flotilla." + topology.name() + "." + connection.service() + ".";
            switch (connection.kind()) {
                case POSTGRES -> postgres(registry, prefix, PostgresAccess.of(spec.service(connection.service()).orElseThrow(), handle), loader);
                case REDIS -> redis(registry, prefix, RedisAccess.of(handle), loader);
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (ConnectionPlan.UrlProperty url : plan.urls()) {
            properties.put(url.property(), topology.service(url.service()).uri(url.scheme(), url.port()) + url.path());
        }
        if (!properties.isEmpty()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
    }

    private static void postgres(BeanDefinitionRegistry registry, String prefix, PostgresAccess access, ClassLoader loader) {
        if (present(BOOT4_JDBC, loader)) {
            Boot4Jdbc.register(registry, prefix + "jdbcConnectionDetails", access);
        } else if (present(BOOT3_JDBC, loader)) {
            Boot3Jdbc.register(registry, prefix + "jdbcConnectionDetails", access);
        }
        // 3.5's interface is there without R2DBC; its details are R2DBC's options.
        if (!present(R2DBC_SPI, loader)) {
            return;
        }
        if (present(BOOT4_R2DBC, loader)) {
            Boot4R2dbc.register(registry, prefix + "r2dbcConnectionDetails", access);
        } else if (present(BOOT3_R2DBC, loader)) {
            Boot3R2dbc.register(registry, prefix + "r2dbcConnectionDetails", access);
        }
    }

    private static void redis(BeanDefinitionRegistry registry, String prefix, RedisAccess access, ClassLoader loader) {
        if (present(BOOT4_REDIS, loader)) {
            Boot4DataRedis.register(registry, prefix + "redisConnectionDetails", access);
        } else if (present(BOOT3_REDIS, loader)) {
            Boot3Redis.register(registry, prefix + "redisConnectionDetails", access);
        }
    }

    private static boolean present(String className, ClassLoader loader) {
        return ClassUtils.isPresent(className, loader);
    }
}
