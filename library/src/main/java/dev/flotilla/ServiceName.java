package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Names the service whose {@link ServiceHandle} is injected into a parameter or field. Without
 * it, the parameter's or field's own name is the service name.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ServiceName {

    /**
     * The service's name, as in {@link Service#name()}.
     *
     * @return the name of the service to inject
     */
    String value();
}
