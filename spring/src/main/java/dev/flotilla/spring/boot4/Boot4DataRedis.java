package dev.flotilla.spring.boot4;

import dev.flotilla.spring.context.RedisAccess;
import org.apiguardian.api.API;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * Spring Boot 4.0's {@code DataRedisConnectionDetails}, of {@code spring-boot-data-redis}. It names
 * no other module's type, so loading it needs that module alone; loaded only where it is present
 * (see {@code ConnectionDetailsBeans}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Boot4DataRedis {

    private Boot4DataRedis() {
    }

    /** Registers {@code DataRedisConnectionDetails} for a Redis service. */
    public static void register(BeanDefinitionRegistry registry, String beanName, RedisAccess access) {
        registry.registerBeanDefinition(beanName, new RootBeanDefinition(DataRedisConnectionDetails.class, () -> new Details(access)));
    }

    private record Details(RedisAccess access) implements DataRedisConnectionDetails {
        @Override
        public Standalone getStandalone() {
            return Standalone.of(access.host(), access.port());
        }
    }
}
