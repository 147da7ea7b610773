package dev.flotilla.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Makes one service of the test class's topology the source of Spring Boot's connection details
 * for what it is, as Spring Boot's own {@code @ServiceConnection} does for a container: a
 * PostgreSQL service becomes {@code JdbcConnectionDetails} and {@code R2dbcConnectionDetails}
 * ({@code spring.datasource}, {@code spring.r2dbc}), a Redis service
 * {@code RedisConnectionDetails} ({@code spring.data.redis}). Put it on a {@code @SpringBootTest}
 * class that carries a {@link dev.flotilla.Topology @Topology}, or on a composed annotation.
 *
 * <p>Without any {@code @ServiceConnection}, every service whose image Flotilla knows
 * ({@code postgres}, {@code bitnami/postgresql}, {@code redis}, {@code bitnami/redis},
 * {@code redis/redis-stack}, {@code redis/redis-stack-server}; any registry and tag) and whose
 * standard port is published is connected. With one or more, exactly the services they name are.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ServiceConnections.class)
public @interface ServiceConnection {

    /** {@return the service's name, as in {@link dev.flotilla.Service#name()}} */
    String service();

    /**
     * What the service is, where its image does not say: {@code "postgres"} or {@code "redis"}.
     * Empty (the default) derives it from the image.
     *
     * @return the kind of service, or empty to derive it from the image
     */
    String name() default "";
}
