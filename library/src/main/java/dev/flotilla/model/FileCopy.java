package dev.flotilla.model;

import org.apiguardian.api.API;

/**
 * A file copied into a container before it starts.
 *
 * @param source {@code classpath:...} or a file-system path
 * @param target absolute path in the container
 * @param mode Unix permission bits
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record FileCopy(String source, String target, int mode) {

    /** The prefix of a class-path source. */
    public static final String CLASSPATH_PREFIX = "classpath:";
}
