package dev.flotilla.spring.boot4;

import dev.flotilla.spring.context.PostgresAccess;
import dev.flotilla.spring.context.R2dbcOptions;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/**
 * Spring Boot 4.0's {@code R2dbcConnectionDetails}, of {@code spring-boot-r2dbc} (with R2DBC's SPI).
 * It names no other module's type, so loading it needs that module alone; loaded only where it is
 * present (see {@code ConnectionDetailsBeans}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot4R2dbc {

    private Boot4R2dbc() {
    }

    /** Registers {@code R2dbcConnectionDetails} for a PostgreSQL service. */
    public static void register(BeanDefinitionRegistry registry, String beanName, PostgresAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(R2dbcConnectionDetails.class, () -> new Details(access)));
    }

    private record Details(PostgresAccess access) implements R2dbcConnectionDetails {
        @Override
        public ConnectionFactoryOptions getConnectionFactoryOptions() {
            return R2dbcOptions.of(access);
        }
    }
}
