package dev.flotilla.spring.boot3;

import dev.flotilla.spring.context.RedisAccess;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;

/**
 * Spring Boot 3.5's {@code RedisConnectionDetails}, of {@code spring-boot-autoconfigure}. It names no
 * type of JDBC or R2DBC, so loading it needs none of theirs; loaded only where the interface is
 * present (see {@code ConnectionDetailsBeans}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot3Redis {

    private Boot3Redis() {
    }

    /** Registers {@code RedisConnectionDetails} for a Redis service. */
    public static void register(BeanDefinitionRegistry registry, String beanName, RedisAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(RedisConnectionDetails.class, () -> new Details(access)));
    }

    private record Details(RedisAccess access) implements RedisConnectionDetails {
        @Override
        public Standalone getStandalone() {
            return Standalone.of(access.host(), access.port());
        }
    }
}
