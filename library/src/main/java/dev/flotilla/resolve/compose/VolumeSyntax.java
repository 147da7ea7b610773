package dev.flotilla.resolve.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import dev.flotilla.model.VolumeMount;
import org.apiguardian.api.API;

/**
 * A service's {@code volumes} entry, in Compose's short form ({@code ./data:/data:ro},
 * {@code pgdata:/var/lib/postgresql/data}, {@code /cache}) or long form ({@code type},
 * {@code source}, {@code target}, {@code read_only}, {@code tmpfs.size}); and its {@code tmpfs}
 * entries ({@code /run:size=64m}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class VolumeSyntax {

    private static final Set<String> SHORT_OPTIONS = Set.of("ro", "rw", "z", "Z", "cached", "delegated", "consistent", "nocopy");

    private VolumeSyntax() {
    }

    /** The mount target of an entry, for merging files; the entry's text if it has none. */
    static String targetOf(Object entry) {
        if (entry instanceof Map<?, ?> map && map.get("target") != null) {
            return String.valueOf(map.get("target"));
        }
        String[] parts = String.valueOf(entry).split(":");
        return parts.length == 1 ? parts[0] : parts[1];
    }

    /**
     * The mount an entry describes; bind sources are resolved against {@code projectDirectory}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static VolumeMount parse(Object entry, Path projectDirectory) {
        if (entry instanceof Map<?, ?> map) {
            return parseLong(map, projectDirectory);
        }
        String text = String.valueOf(entry);
        String[] parts = text.split(":");
        if (parts.length == 1) {
            return new VolumeMount(VolumeMount.Type.VOLUME, "", absoluteTarget(parts[0]), false, 0);
        }
        if (parts.length > 3) {
            throw new IllegalArgumentException("\"" + text + "\" is not SOURCE:TARGET[:MODE]");
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            for (String option : parts[2].split(",")) {
                if (!SHORT_OPTIONS.contains(option)) {
                    throw new IllegalArgumentException("unknown mount option \"" + option + "\" in \"" + text + "\"");
                }
                readOnly |= option.equals("ro");
            }
        }
        return mount(parts[0], parts[1], readOnly, projectDirectory);
    }

    private static VolumeMount parseLong(Map<?, ?> map, Path projectDirectory) {
        String type = String.valueOf(map.containsKey("type") ? map.get("type") : "volume");
        Object target = map.get("target");
        if (target == null) {
            throw new IllegalArgumentException("a mount has no target");
        }
        boolean readOnly = Boolean.parseBoolean(String.valueOf(map.get("read_only")));
        String source = map.get("source") == null ? "" : String.valueOf(map.get("source"));
        return switch (type) {
            case "bind" -> {
                if (source.isEmpty()) {
                    throw new IllegalArgumentException("a bind mount has no source");
                }
                yield new VolumeMount(VolumeMount.Type.BIND, bindSource(source, projectDirectory), absoluteTarget(target), readOnly, 0);
            }
            case "volume" -> new VolumeMount(VolumeMount.Type.VOLUME, source, absoluteTarget(target), readOnly, 0);
            case "tmpfs" -> {
                long size = 0;
                if (map.get("tmpfs") instanceof Map<?, ?> options && options.get("size") != null) {
                    size = ByteSizes.parse(String.valueOf(options.get("size")));
                }
                yield new VolumeMount(VolumeMount.Type.TMPFS, "", absoluteTarget(target), readOnly, size);
            }
            default -> throw new IllegalArgumentException("mount type \"" + type + "\" is not supported (bind, volume or tmpfs)");
        };
    }

    /** A {@code tmpfs} entry: {@code /run} or {@code /run:size=64m,mode=1777} (options other than size are ignored). */
    public static VolumeMount parseTmpfs(String entry) {
        int colon = entry.indexOf(':');
        long size = 0;
        if (colon >= 0) {
            for (String option : entry.substring(colon + 1).split(",")) {
                if (option.startsWith("size=")) {
                    size = ByteSizes.parse(option.substring("size=".length()));
                }
            }
        }
        return new VolumeMount(VolumeMount.Type.TMPFS, "", absoluteTarget(colon < 0 ? entry : entry.substring(0, colon)), false, size);
    }

    private static VolumeMount mount(String source, String target, boolean readOnly, Path projectDirectory) {
        boolean isPath = source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        return isPath
                ? new VolumeMount(VolumeMount.Type.BIND, bindSource(source, projectDirectory), absoluteTarget(target), readOnly, 0)
                : new VolumeMount(VolumeMount.Type.VOLUME, source, absoluteTarget(target), readOnly, 0);
    }

    private static String bindSource(String source, Path projectDirectory) {
        Path path = source.startsWith("~") ? Path.of(System.getProperty("user.home") + source.substring(1))
                : projectDirectory.resolve(source);
        return path.toAbsolutePath().normalize().toString();
    }

    private static String absoluteTarget(Object target) {
        String text = String.valueOf(target);
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("the mount target \"" + text + "\" is not an absolute path");
        }
        return text;
    }
}
