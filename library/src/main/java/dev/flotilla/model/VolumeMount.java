package dev.flotilla.model;

import java.util.Objects;

import org.apiguardian.api.API;

/**
 * Storage mounted into a service's container.
 *
 * @param type what is mounted
 * @param source for a bind mount, the host path (absolute); for a volume, the topology's name of the
 *     volume (each topology instance gets its own Docker volume of that name), empty for an anonymous
 *     one; empty for tmpfs
 * @param target the path inside the container
 * @param readOnly whether the container may only read it
 * @param tmpfsSizeBytes for tmpfs, its size limit in bytes, 0 for the engine's default
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record VolumeMount(Type type, String source, String target, boolean readOnly, long tmpfsSizeBytes) {

    /** The kinds of mount. */
    public enum Type {
        /** A host directory or file. */
        BIND,
        /** A Docker volume owned by the topology instance: created with it, removed with it. */
        VOLUME,
        /** Memory-backed storage that lives as long as the container. */
        TMPFS
    }

    public VolumeMount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** Whether this mounts a named volume of the topology (which the engine creates and removes). */
    public boolean isNamedVolume() {
        return type == Type.VOLUME && !source.isEmpty();
    }

    @Override
    public String toString() {
        String text = type == Type.TMPFS ? "tmpfs:" + target : source + ":" + target;
        return readOnly ? text + ":ro" : text;
    }
}
