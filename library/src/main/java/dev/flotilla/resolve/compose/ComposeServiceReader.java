package dev.flotilla.resolve.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.DockerBuildSpec;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.HealthCheckSpec;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.VolumeMount;

/**
 * Turns one merged compose service into Flotilla's model, key by key, recording a problem (with
 * its line) for each value it cannot use. How its dependencies must be ready ({@code depends_on}
 * conditions) is kept for {@link ComposeProject}, which applies it to the services depended on.
 */
final class ComposeServiceReader {

    /** How long between health checks when the file does not say: Compose's 30 s would hold up every test. */
    static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(1);

    /**
     * The label that switches off the wait for a port the image exposes ({@code "false"}), read
     * by Flotilla and not set on the container; as {@code @WaitFor(exposedPorts = false)}.
     */
    static final String WAIT_FOR_EXPOSED_PORTS = "dev.flotilla.wait-for-exposed-ports";
    private static final String FLOTILLA_LABEL_PREFIX = "dev.flotilla.";

    private final String name;
    private final String path;
    private final Map<String, Object> service;
    private final ComposeContext context;
    private final ConfigProblems problems;
    private final ServiceSpec.Builder spec;
    private final Map<String, String> dependencyConditions = new LinkedHashMap<>();
    private boolean waitForExposedPorts = true;

    ComposeServiceReader(String name, Map<String, Object> service, ComposeContext context, ConfigProblems problems) {
        this.name = name;
        this.path = "services." + name;
        this.service = service;
        this.context = context;
        this.problems = problems;
        this.spec = ServiceSpec.builder(name);
    }

    /** The service's builder, every key applied. */
    ServiceSpec.Builder read() {
        image();
        environment();
        ports();
        command("command", spec::command);
        command("entrypoint", spec::entrypoint);
        dependencies();
        healthcheck();
        networks();
        mounts();
        deploy();
        labels();
        text("working_dir").ifPresent(dir -> spec.workingDir(Optional.of(dir)));
        text("user").ifPresent(user -> spec.user(Optional.of(user)));
        extraHosts();
        return spec;
    }

    /**
     * Whether a health check of this service waits for a port its image exposes as well, where it
     * declares no ports: false if the label {@value #WAIT_FOR_EXPOSED_PORTS} says {@code "false"}.
     */
    boolean waitForExposedPorts() {
        return waitForExposedPorts;
    }

    /** The {@code depends_on} conditions, by the name of the service depended on. */
    Map<String, String> dependencyConditions() {
        return dependencyConditions;
    }

    private void image() {
        Optional<String> image = text("image");
        if (service.get("build") instanceof Map<?, ?> build) {
            Object contextDirectory = build.get("context");
            Path directory = context.projectDirectory().resolve(contextDirectory == null ? "." : String.valueOf(contextDirectory));
            Map<String, String> args = new LinkedHashMap<>();
            if (build.get("args") instanceof Map<?, ?> declared) {
                declared.forEach((key, value) -> {
                    String resolved = value != null ? String.valueOf(value) : context.variable(String.valueOf(key));
                    if (resolved != null) {
                        args.put(String.valueOf(key), resolved);
                    }
                });
            }
            spec.build(Optional.of(new DockerBuildSpec(directory.toAbsolutePath().normalize().toString(),
                    build.get("dockerfile") == null ? DockerBuildSpec.DEFAULT_DOCKERFILE : String.valueOf(build.get("dockerfile")),
                    args, Optional.ofNullable(build.get("target")).map(String::valueOf))));
        } else if (image.isPresent()) {
            spec.image(image.get());
        } else {
            problems.add(context.locations().describe(path), "the service has neither 'image' nor 'build'", "add one of them");
        }
    }

    private void environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (service.get("env_file") instanceof List<?> files) {
            for (int i = 0; i < files.size(); i++) {
                envFile(files.get(i), path + ".env_file[" + i + "]", env);
            }
        }
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String resolved = value != null ? String.valueOf(value) : context.variable(String.valueOf(key));
                if (resolved != null) {
                    env.put(String.valueOf(key), resolved);
                }
            });
        } else if (declared != null) {
            problems.add(context.locations().describe(path + ".environment"), "'environment' is neither a mapping nor a list",
                    "write KEY: value entries or a list of KEY=value");
        }
        env.forEach(spec::env);
    }

    private void envFile(Object entry, String entryPath, Map<String, String> env) {
        String file = entry instanceof Map<?, ?> map ? String.valueOf(map.get("path")) : String.valueOf(entry);
        boolean required = !(entry instanceof Map<?, ?> map) || !"false".equals(String.valueOf(map.get("required")));
        Path resolved = context.projectDirectory().resolve(file);
        if (!Files.exists(resolved)) {
            if (required) {
                problems.add(context.locations().describe(entryPath), "the env_file " + resolved + " does not exist",
                        "create it, or mark it 'required: false'");
            }
            return;
        }
        try {
            env.putAll(EnvFile.read(resolved, context::interpolate, context::variable));
        } catch (IOException | RuntimeException e) {
            problems.add(context.locations().describe(entryPath), "the env_file " + resolved + " cannot be read: " + e.getMessage(),
                    "correct it");
        }
    }

    private void ports() {
        List<Integer> random = new ArrayList<>();
        List<FixedPort> fixed = new ArrayList<>();
        Set<String> hostIps = new LinkedHashSet<>();
        eachItem("ports", (item, itemPath) -> {
            PortSyntax port = PortSyntax.parse(item);
            // A loopback address is what Flotilla binds to anyway where the engine runs here; on a remote
            // engine it would be that host's loopback, out of the test's reach, so it means "the default".
            port.hostIp().filter(ip -> !isLoopback(ip)).ifPresent(hostIps::add);
            if (port.hostPort() == 0 || context.source().randomHostPorts()) {
                random.add(port.containerPort());
            } else {
                fixed.add(new FixedPort(port.hostPort(), port.containerPort()));
            }
        });
        // An exposed port is published on a random host port as well, so that a test can reach it (@Endpoint).
        eachItem("expose", (item, itemPath) -> {
            int port = PortSyntax.parse(String.valueOf(item).replaceFirst("/tcp$", "")).containerPort();
            if (!random.contains(port) && fixed.stream().noneMatch(f -> f.containerPort() == port)) {
                random.add(port);
            }
        });
        if (hostIps.size() > 1) {
            problems.add(context.locations().describe(path + ".ports"), "the ports bind to different host addresses " + hostIps,
                    "use one host address for all ports of a service");
        }
        spec.ports(random).fixedPorts(fixed).bindAddress(hostIps.stream().findFirst());
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("localhost");
    }

    private void command(String key, Consumer<List<String>> target) {
        Object value = service.get(key);
        if (value instanceof List<?> words) {
            target.accept(words.stream().map(String::valueOf).toList());
        } else if (value != null) {
            try {
                target.accept(ShellWords.split(String.valueOf(value)));
            } catch (IllegalArgumentException e) {
                problems.add(context.locations().describe(path + "." + key), e.getMessage(), "close the quote");
            }
        }
    }

    private void dependencies() {
        if (!(service.get("depends_on") instanceof Map<?, ?> dependencies)) {
            return;
        }
        List<String> names = new ArrayList<>();
        dependencies.forEach((dependency, options) -> {
            String condition = "service_started";
            boolean required = true;
            if (options instanceof Map<?, ?> map) {
                condition = map.get("condition") == null ? condition : String.valueOf(map.get("condition"));
                required = !"false".equals(String.valueOf(map.get("required")));
            }
            String dependencyName = String.valueOf(dependency);
            if (!Set.of("service_started", "service_healthy", "service_completed_successfully").contains(condition)) {
                problems.add(context.locations().describe(path + ".depends_on." + dependencyName), "unknown condition '" + condition + "'",
                        "use service_started, service_healthy or service_completed_successfully");
            }
            if (!required && !context.serviceNames().contains(dependencyName)) {
                return;
            }
            names.add(dependencyName);
            dependencyConditions.put(dependencyName, condition);
        });
        spec.dependsOn(names);
    }

    private void healthcheck() {
        if (!(service.get("healthcheck") instanceof Map<?, ?> check)) {
            return;
        }
        String checkPath = path + ".healthcheck";
        if ("true".equals(String.valueOf(check.get("disable")))) {
            spec.healthcheck(Optional.of(new HealthCheckSpec(List.of("NONE"), Duration.ZERO, Duration.ZERO, 0, Duration.ZERO)));
            return;
        }
        Object test = check.get("test");
        List<String> command;
        if (test instanceof List<?> words && !words.isEmpty()
                && Set.of("CMD", "CMD-SHELL", "NONE").contains(String.valueOf(words.get(0)))) {
            command = words.stream().map(String::valueOf).toList();
        } else if (test != null && !(test instanceof List<?>) && !(test instanceof Map<?, ?>)) {
            command = List.of("CMD-SHELL", String.valueOf(test));
        } else {
            problems.add(context.locations().describe(checkPath + ".test"), "the health check has no usable 'test'",
                    "write test: [\"CMD\", \"program\", \"arg\"], [\"CMD-SHELL\", \"command\"] or a shell command string");
            return;
        }
        int retries = 3;
        try {
            retries = check.get("retries") == null ? retries : Integer.parseInt(String.valueOf(check.get("retries")));
        } catch (NumberFormatException e) {
            problems.add(context.locations().describe(checkPath + ".retries"), "\"" + check.get("retries") + "\" is not a number",
                    "write a whole number");
        }
        spec.healthcheck(Optional.of(new HealthCheckSpec(command,
                duration(check, "interval", DEFAULT_HEALTH_INTERVAL, checkPath),
                duration(check, "timeout", Duration.ofSeconds(30), checkPath),
                retries,
                duration(check, "start_period", Duration.ZERO, checkPath))));
    }

    private Duration duration(Map<?, ?> check, String key, Duration fallback, String checkPath) {
        Object value = check.get(key);
        try {
            return value == null ? fallback : ComposeDurations.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.add(context.locations().describe(checkPath + "." + key), e.getMessage(), "correct the duration");
            return fallback;
        }
    }

    private void networks() {
        if (!(service.get("networks") instanceof Map<?, ?> networks)) {
            return;
        }
        Set<String> aliases = new LinkedHashSet<>();
        List<String> joined = new ArrayList<>();
        networks.forEach((network, options) -> {
            String networkName = String.valueOf(network);
            joined.add(networkName);
            if (!networkName.equals("default") && !context.networks().contains(networkName)) {
                problems.add(context.locations().describe(path + ".networks." + networkName),
                        "the network '" + networkName + "' is not declared", "declare it under the top-level 'networks'");
            }
            if (options instanceof Map<?, ?> map && map.get("aliases") instanceof List<?> list) {
                list.forEach(alias -> aliases.add(String.valueOf(alias)));
            }
        });
        aliases.remove(name);
        spec.aliases(List.copyOf(aliases)).networks(joined);
    }

    private void mounts() {
        List<VolumeMount> mounts = new ArrayList<>();
        eachItem("volumes", (item, itemPath) -> {
            VolumeMount mount = VolumeSyntax.parse(item, context.projectDirectory());
            if (mount.isNamedVolume() && !context.volumes().contains(mount.source())) {
                throw new IllegalArgumentException("the volume '" + mount.source() + "' is not declared under the top-level 'volumes'");
            }
            if (mount.type() == VolumeMount.Type.BIND && !Files.exists(Path.of(mount.source()))) {
                throw new IllegalArgumentException("the bind mount's source " + mount.source() + " does not exist");
            }
            mounts.add(mount);
        });
        eachItem("tmpfs", (item, itemPath) -> mounts.add(VolumeSyntax.parseTmpfs(String.valueOf(item))));
        spec.mounts(mounts);
    }

    private void deploy() {
        if (service.get("deploy") instanceof Map<?, ?> deploy && deploy.get("replicas") != null) {
            try {
                spec.replicas(Integer.parseInt(String.valueOf(deploy.get("replicas")).strip()));
            } catch (NumberFormatException e) {
                problems.add(context.locations().describe(path + ".deploy.replicas"), "\"" + deploy.get("replicas") + "\" is not a number",
                        "write a whole number of replicas");
            }
        }
    }

    private void labels() {
        if (service.get("labels") instanceof Map<?, ?> labels) {
            labels.forEach((key, value) -> {
                String label = String.valueOf(key);
                String text = value == null ? "" : String.valueOf(value);
                if (label.equals(WAIT_FOR_EXPOSED_PORTS)) {
                    waitForExposedPorts(text);
                } else if (label.startsWith(FLOTILLA_LABEL_PREFIX)) {
                    problems.add(context.locations().describe(path + ".labels." + label), "'" + label + "' is not a label Flotilla"
                            + " reads, and the prefix " + FLOTILLA_LABEL_PREFIX + " is Flotilla's", "write " + WAIT_FOR_EXPOSED_PORTS
                            + ", the one Flotilla reads, or choose a key outside " + FLOTILLA_LABEL_PREFIX + "*");
                } else {
                    spec.label(label, text);
                }
            });
        }
    }

    private void waitForExposedPorts(String value) {
        switch (value.strip()) {
            case "true" -> waitForExposedPorts = true;
            case "false" -> waitForExposedPorts = false;
            default -> problems.add(context.locations().describe(path + ".labels." + WAIT_FOR_EXPOSED_PORTS),
                    "\"" + value + "\" is neither \"true\" nor \"false\"", "write \"false\" to wait for the health check alone");
        }
    }

    private void extraHosts() {
        List<String> hosts = new ArrayList<>();
        eachItem("extra_hosts", (item, itemPath) -> {
            String entry = String.valueOf(item);
            int equals = entry.indexOf('=');
            // Compose accepts host=address (newer) and host:address (older); Docker takes the latter.
            String normalized = equals > 0 ? entry.substring(0, equals) + ":" + entry.substring(equals + 1) : entry;
            if (normalized.indexOf(':') <= 0) {
                throw new IllegalArgumentException("\"" + entry + "\" is not HOST:ADDRESS");
            }
            hosts.add(normalized);
        });
        spec.extraHosts(hosts);
    }

    private Optional<String> text(String key) {
        Object value = service.get(key);
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private interface ItemReader {
        void read(Object item, String itemPath);
    }

    /** Reads each item of the list {@code key}, recording a problem for each item that is wrong (or for the key, if not a list). */
    private void eachItem(String key, ItemReader reader) {
        Object value = service.get(key);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> items)) {
            problems.add(context.locations().describe(path + "." + key), "'" + key + "' is not a list", "write it as a list");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "." + key + "[" + i + "]";
            try {
                reader.read(items.get(i), itemPath);
            } catch (IllegalArgumentException e) {
                problems.add(context.locations().describe(itemPath), e.getMessage(), "correct the entry");
            }
        }
    }
}
