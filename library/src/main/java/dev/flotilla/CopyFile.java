package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * A file copied into a {@link Service @Service}'s container before it starts, for example an
 * SQL script for {@code /docker-entrypoint-initdb.d/}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface CopyFile {

    /**
     * Where the file comes from: {@code "classpath:path/in/classpath"} or a path on the file system.
     *
     * @return the file's source: a {@code classpath:} resource or a file system path
     */
    String source();

    /**
     * The absolute path of the file inside the container.
     *
     * @return the absolute path inside the container
     */
    String target();

    /**
     * The file's Unix permissions, as an octal number such as {@code 0644} or {@code 0755}.
     *
     * @return the Unix permission bits; {@code 0644} unless set
     */
    int mode() default 0644;
}
