package dev.flotilla.resolve.compose;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of the compose files was written ({@code compose.yaml:14}), by its path
 * ({@code services.web.ports[0]}), so that a problem found after the files are merged still
 * points at a line. A later file's entry replaces an earlier one's, as its value does.
 */
final class Locations {

    private final Map<String, String> byPath = new HashMap<>();

    void put(String path, String location) {
        byPath.put(path, location);
    }

    /** The location of {@code path}, or of its nearest ancestor that has one. */
    String of(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            String found = byPath.get(p);
            if (found != null) {
                return found;
            }
        }
        return "";
    }

    /** {@code "compose.yaml:14: services.web.ports[0]"}: where, and which key. */
    String describe(String path) {
        String location = of(path);
        return location.isEmpty() ? path : location + ": " + path;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
