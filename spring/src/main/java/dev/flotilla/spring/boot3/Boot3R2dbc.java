package dev.flotilla.spring.boot3;

import dev.flotilla.spring.context.PostgresAccess;
import dev.flotilla.spring.context.R2dbcOptions;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcConnectionDetails;

/**
 * Spring Boot 3.5's {@code R2dbcConnectionDetails}, of {@code spring-boot-autoconfigure}, which is
 * there in every 3.5 application: loaded only where R2DBC's SPI is present too (see
 * {@code ConnectionDetailsBeans}), since its details are R2DBC's {@code ConnectionFactoryOptions}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot3R2dbc {

    private Boot3R2dbc() {
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
