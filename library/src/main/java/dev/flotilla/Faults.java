package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/** The container of repeated {@link Fault @Fault} annotations; write {@code @Fault} several times instead. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Faults {

    /**
     * The repeated annotations.
     *
     * @return the {@code @Fault} annotations of the method
     */
    Fault[] value();
}
