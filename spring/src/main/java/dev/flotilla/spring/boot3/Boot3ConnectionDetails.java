package dev.flotilla.spring.boot3;

import dev.flotilla.spring.context.PostgresAccess;
import dev.flotilla.spring.context.R2dbcOptions;
import dev.flotilla.spring.context.RedisAccess;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcConnectionDetails;

/**
 * Spring Boot 3.5's connection details, whose interfaces live in {@code spring-boot-autoconfigure}.
 * Loaded only where they are present (see {@code ConnectionDetailsBeans}); each method only where
 * its own interface is.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot3ConnectionDetails {

    private Boot3ConnectionDetails() {
    }

    /** Registers {@code JdbcConnectionDetails} for a PostgreSQL service. */
    public static void jdbc(BeanDefinitionRegistry registry, String beanName, PostgresAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(JdbcConnectionDetails.class, () -> new Jdbc(access)));
    }

    /** Registers {@code R2dbcConnectionDetails} for a PostgreSQL service. */
    public static void r2dbc(BeanDefinitionRegistry registry, String beanName, PostgresAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(R2dbcConnectionDetails.class, () -> new R2dbc(access)));
    }

    /** Registers {@code RedisConnectionDetails} for a Redis service. */
    public static void redis(BeanDefinitionRegistry registry, String beanName, RedisAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(RedisConnectionDetails.class, () -> new Redis(access)));
    }

    private record Jdbc(PostgresAccess access) implements JdbcConnectionDetails {
        @Override
        public String getUsername() {
            return access.username();
        }

        @Override
        public String getPassword() {
            return access.password();
        }

        @Override
        public String getJdbcUrl() {
            return access.jdbcUrl();
        }
    }

    private record R2dbc(PostgresAccess access) implements R2dbcConnectionDetails {
        @Override
        public ConnectionFactoryOptions getConnectionFactoryOptions() {
            return R2dbcOptions.of(access);
        }
    }

    private record Redis(RedisAccess access) implements RedisConnectionDetails {
        @Override
        public Standalone getStandalone() {
            return Standalone.of(access.host(), access.port());
        }
    }
}
