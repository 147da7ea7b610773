package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/** The container of repeated {@link ProxiedLink @ProxiedLink} annotations; write {@code @ProxiedLink} several times instead. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface ProxiedLinks {

    /**
     * The repeated annotations.
     *
     * @return the {@code @ProxiedLink} annotations of the class
     */
    ProxiedLink[] value();
}
