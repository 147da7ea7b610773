package dev.flotilla.resolve.compose;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flotilla.model.ConfigProblems;

/**
 * The compose keys Flotilla reads, checked file by file before anything starts: every other key
 * is a problem naming its line, so that nothing in a file is silently ignored ({@code restart},
 * which Flotilla has no use for in tests, excepted: it is logged). Extension keys ({@code x-...})
 * are allowed wherever Compose allows them.
 */
final class ComposeKeys {

    static final Set<String> TOP_LEVEL = Set.of("version", "name", "services", "volumes", "networks");
    static final Set<String> SERVICE = Set.of("image", "build", "environment", "env_file", "ports", "expose", "command",
            "entrypoint", "depends_on", "healthcheck", "networks", "volumes", "tmpfs", "deploy", "profiles", "labels",
            "working_dir", "user", "extra_hosts", "restart");
    private static final Set<String> BUILD = Set.of("context", "dockerfile", "args", "target");
    private static final Set<String> HEALTHCHECK = Set.of("test", "interval", "timeout", "retries", "start_period", "disable");
    private static final Set<String> DEPENDENCY = Set.of("condition", "required", "restart");
    private static final Set<String> DEPLOY = Set.of("replicas");
    private static final Set<String> SERVICE_NETWORK = Set.of("aliases");
    private static final Set<String> TOP_NETWORK = Set.of("driver");
    private static final Set<String> TOP_VOLUME = Set.of();
    private static final Set<String> VOLUME_MOUNT = Set.of("type", "source", "target", "read_only", "tmpfs");
    private static final Set<String> PORT = Set.of("target", "published", "host_ip", "protocol");
    private static final Set<String> ENV_FILE = Set.of("path", "required");

    private final Locations locations;
    private final ConfigProblems problems;

    private ComposeKeys(Locations locations, ConfigProblems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    /** Records a problem for every key of {@code top} (one file) that Flotilla does not read. */
    static void check(Map<String, Object> top, Locations locations, ConfigProblems problems) {
        new ComposeKeys(locations, problems).checkTop(top);
    }

    private void checkTop(Map<String, Object> top) {
        allow(top, "", TOP_LEVEL);
        eachEntry(top.get("services"), "services", (name, service) -> checkService(service, "services." + name));
        eachEntry(top.get("networks"), "networks", (name, network) -> allow(network, "networks." + name, TOP_NETWORK));
        eachEntry(top.get("volumes"), "volumes", (name, volume) -> allow(volume, "volumes." + name, TOP_VOLUME));
    }

    private void checkService(Object service, String path) {
        allow(service, path, SERVICE);
        if (!(service instanceof Map<?, ?> map)) {
            return;
        }
        allow(map.get("build"), path + ".build", BUILD);
        allow(map.get("healthcheck"), path + ".healthcheck", HEALTHCHECK);
        allow(map.get("deploy"), path + ".deploy", DEPLOY);
        eachEntry(map.get("depends_on"), path + ".depends_on", (name, d) -> allow(d, path + ".depends_on." + name, DEPENDENCY));
        eachEntry(map.get("networks"), path + ".networks", (name, n) -> allow(n, path + ".networks." + name, SERVICE_NETWORK));
        eachItem(map.get("volumes"), path + ".volumes", VOLUME_MOUNT);
        eachItem(map.get("ports"), path + ".ports", PORT);
        eachItem(map.get("env_file"), path + ".env_file", ENV_FILE);
    }

    private void eachItem(Object list, String path, Set<String> allowed) {
        if (list instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                allow(items.get(i), path + "[" + i + "]", allowed);
            }
        }
    }

    private interface EntryCheck {
        void check(String name, Object value);
    }

    private static void eachEntry(Object map, String path, EntryCheck check) {
        if (map instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> check.check((String) name, value));
        }
    }

    /** Records every key of {@code value} (if it is a mapping) that is not in {@code allowed}. */
    private void allow(Object value, String path, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            return;
        }
        for (Object key : map.keySet()) {
            String name = (String) key;
            if (!allowed.contains(name) && !name.startsWith("x-")) {
                String keyPath = path.isEmpty() ? name : path + "." + name;
                String supported = allowed.isEmpty() ? "" : " (supported here: " + String.join(", ", allowed.stream().sorted().toList()) + ")";
                String instead = keyPath.startsWith("services.") ? ", or declare this service with @Service instead" : "";
                problems.add(locations.describe(keyPath), "the compose key '" + name + "' is not supported by Flotilla",
                        "remove it" + supported + instead);
            }
        }
    }
}
