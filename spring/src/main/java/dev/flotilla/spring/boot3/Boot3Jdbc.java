package dev.flotilla.spring.boot3;

import dev.flotilla.spring.context.PostgresAccess;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

/**
 * Spring Boot 3.5's {@code JdbcConnectionDetails}, of {@code spring-boot-autoconfigure}. It names no
 * type of R2DBC or Redis, so loading it needs none of theirs; loaded only where the interface is
 * present (see {@code ConnectionDetailsBeans}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot3Jdbc {

    private Boot3Jdbc() {
    }

    /** Registers {@code JdbcConnectionDetails} for a PostgreSQL service. */
    public static void register(BeanDefinitionRegistry registry, String beanName, PostgresAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(JdbcConnectionDetails.class, () -> new Details(access)));
    }

    private record Details(PostgresAccess access) implements JdbcConnectionDetails {
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
}
