package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Injects where a service's published port can be reached from the test, into a test-method
 * parameter or a field. The value is {@code "service:containerPort"}, optionally with a URI
 * scheme: {@code "api:8080"} or {@code "redis://cache:6379"}.
 *
 * <ul>
 *   <li>{@link java.net.URI}: {@code http://127.0.0.1:49153} (or the scheme given);</li>
 *   <li>{@link String}: {@code 127.0.0.1:49153};</li>
 *   <li>{@code int} or {@link Integer}: the host port, {@code 49153}.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Endpoint {

    /**
     * {@code "service:containerPort"}, optionally prefixed with {@code "scheme://"}.
     *
     * @return the service and container port to reach, as {@code "service:containerPort"} or {@code
     *     "scheme://service:containerPort"}
     */
    String value();
}
