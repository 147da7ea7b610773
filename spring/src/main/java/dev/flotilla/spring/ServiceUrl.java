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
 * Sets a property of the application context to where a service of the test class's topology
 * can be reached from the test JVM, such as {@code inventory.url=http://127.0.0.1:49153}: for
 * any HTTP service (or other URL-addressed one) that Spring Boot has no connection details for.
 * The property wins over the application's own configuration, as a test's should.
 *
 * <pre>{@code
 * @SpringBootTest
 * @ShopStack
 * @ServiceUrl(service = "inventory", property = "inventory.url")
 * class OrdersTest { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ServiceUrls.class)
public @interface ServiceUrl {

    /** {@return the service's name, as in {@link dev.flotilla.Service#name()}} */
    String service();

    /** {@return the property to set, such as {@code "inventory.url"}} */
    String property();

    /** {@return the container port; 0 (the default) for the service's only published port} */
    int port() default 0;

    /** {@return the URL's scheme} */
    String scheme() default "http";

    /** {@return a path after the address, such as {@code "/api"}; empty for none} */
    String path() default "";
}
