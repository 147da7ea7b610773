package dev.flotilla.spring.boot4;

import dev.flotilla.spring.context.PostgresAccess;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Spring Boot 4.0's {@code JdbcConnectionDetails}, of {@code spring-boot-jdbc}. It names no other
 * module's type, so loading it needs that module alone; loaded only where it is present (see
 * {@code ConnectionDetailsBeans}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot4Jdbc {

    private Boot4Jdbc() {
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
