package dev.flotilla.resolve.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges compose files as {@code docker compose -f a.yaml -f b.yaml} does: each later file
 * overrides the earlier. Mappings merge key by key ({@code environment}, {@code labels},
 * {@code depends_on}, {@code networks}, {@code build}, {@code healthcheck}, {@code deploy}),
 * lists of ports, hosts and files add up, {@code volumes} merge by mount target, and any other
 * value (an image, a command) is replaced. Each service is first brought to one form (lists of
 * {@code KEY=value} to maps, a build context string to a mapping), so that both forms merge.
 */
final class ComposeMerge {

    private static final Set<String> MERGED_MAPS = Set.of("environment", "labels", "depends_on", "networks", "build",
            "healthcheck", "deploy", "args");
    private static final Set<String> ADDED_LISTS = Set.of("ports", "expose", "extra_hosts", "env_file", "tmpfs", "profiles");

    private ComposeMerge() {
    }

    /** Brings {@code top}'s services to one form, in place. */
    static void normalize(Map<String, Object> top) {
        if (top.get("services") instanceof Map<?, ?> services) {
            for (Object service : services.values()) {
                if (service instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = (Map<String, Object>) map;
                    normalizeService(s);
                }
            }
        }
    }

    private static void normalizeService(Map<String, Object> service) {
        service.computeIfPresent("environment", (k, v) -> keyValueMap(v));
        service.computeIfPresent("labels", (k, v) -> keyValueMap(v));
        service.computeIfPresent("build", (k, v) -> v instanceof String context ? new LinkedHashMap<>(Map.of("context", context)) : v);
        if (service.get("build") instanceof Map<?, ?> build) {
            @SuppressWarnings("unchecked")
            Map<String, Object> b = (Map<String, Object>) build;
            b.computeIfPresent("args", (k, v) -> keyValueMap(v));
        }
        service.computeIfPresent("depends_on", (k, v) -> {
            if (v instanceof List<?> names) {
                Map<String, Object> map = new LinkedHashMap<>();
                names.forEach(name -> map.put(String.valueOf(name), new LinkedHashMap<>(Map.of("condition", "service_started"))));
                return map;
            }
            return v;
        });
        service.computeIfPresent("networks", (k, v) -> {
            if (v instanceof List<?> names) {
                Map<String, Object> map = new LinkedHashMap<>();
                names.forEach(name -> map.put(String.valueOf(name), null));
                return map;
            }
            return v;
        });
        service.computeIfPresent("extra_hosts", (k, v) -> {
            if (v instanceof Map<?, ?> map) {
                List<Object> list = new ArrayList<>();
                map.forEach((host, address) -> list.add(host + ":" + address));
                return list;
            }
            return v;
        });
        service.computeIfPresent("env_file", (k, v) -> v instanceof String one ? new ArrayList<>(List.of(one)) : v);
        service.computeIfPresent("tmpfs", (k, v) -> v instanceof String one ? new ArrayList<>(List.of(one)) : v);
    }

    /** {@code ["KEY=value", "KEY"]} as a map ({@code KEY} alone maps to null: taken from the environment); a map as it is. */
    private static Object keyValueMap(Object value) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object item : list) {
            String entry = String.valueOf(item);
            int equals = entry.indexOf('=');
            map.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? null : entry.substring(equals + 1));
        }
        return map;
    }

    /** Merges {@code override} (a later file) into {@code base}, in place. */
    static void mergeTop(Map<String, Object> base, Map<String, Object> override) {
        override.forEach((key, value) -> {
            if (key.equals("services") && base.get(key) instanceof Map<?, ?> baseServices && value instanceof Map<?, ?> services) {
                @SuppressWarnings("unchecked")
                Map<String, Object> into = (Map<String, Object>) baseServices;
                services.forEach((name, service) -> into.merge((String) name, service, (a, b) -> mergeService(a, b)));
            } else if (base.get(key) instanceof Map<?, ?> baseMap && value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> into = (Map<String, Object>) baseMap;
                map.forEach((k, v) -> into.put((String) k, v));
            } else {
                base.put(key, value);
            }
        });
    }

    private static Object mergeService(Object base, Object override) {
        if (!(base instanceof Map<?, ?> baseMap) || !(override instanceof Map<?, ?> overrideMap)) {
            return override;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> into = (Map<String, Object>) baseMap;
        overrideMap.forEach((k, value) -> {
            String key = (String) k;
            Object current = into.get(key);
            if (MERGED_MAPS.contains(key) && current instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                into.put(key, mergeService(current, value));
            } else if (ADDED_LISTS.contains(key) && current instanceof List<?> currentList && value instanceof List<?> list) {
                List<Object> all = new ArrayList<>(currentList);
                list.stream().filter(item -> !all.contains(item)).forEach(all::add);
                into.put(key, all);
            } else if (key.equals("volumes") && current instanceof List<?> currentList && value instanceof List<?> list) {
                into.put(key, mergeVolumes(currentList, list));
            } else {
                into.put(key, value);
            }
        });
        return into;
    }

    private static List<Object> mergeVolumes(List<?> base, List<?> override) {
        Map<String, Object> byTarget = new LinkedHashMap<>();
        base.forEach(v -> byTarget.put(VolumeSyntax.targetOf(v), v));
        override.forEach(v -> byTarget.put(VolumeSyntax.targetOf(v), v));
        return new ArrayList<>(byTarget.values());
    }
}
