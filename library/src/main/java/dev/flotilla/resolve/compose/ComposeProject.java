package dev.flotilla.resolve.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.WaitSpec;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads compose files into Flotilla's model, in this JVM, with no {@code docker compose} CLI: the
 * files are read, checked for keys Flotilla does not support, interpolated and merged, then each
 * service whose profiles are active becomes a {@link ServiceSpec}. A dependency's condition
 * becomes how the service depended on is awaited: {@code service_healthy} waits for its health
 * check, {@code service_completed_successfully} makes it a one-shot job.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ComposeProject {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeProject.class);

    private ComposeProject() {
    }

    /**
     * The services of {@code source}'s files.
     *
     * @throws FlotillaConfigurationException naming every problem of the files, with its line
     */
    public static ComposeServices read(ComposeSource source) {
        requireYamlReader();
        ConfigProblems problems = new ConfigProblems();
        if (source.files().isEmpty()) {
            throw new FlotillaConfigurationException("@ComposeFile names no file. Fix: name the compose file, for example "
                    + "@ComposeFile(\"src/test/resources/compose.yaml\").");
        }
        List<Path> files = source.files().stream().map(f -> f.toAbsolutePath().normalize()).toList();
        Path projectDirectory = files.get(0).getParent();
        Map<String, String> variables = variables(projectDirectory, problems);
        Locations locations = new Locations();
        Interpolation interpolation = new Interpolation(variables);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path file : files) {
            Map<String, Object> top = ComposeYaml.read(file, interpolation, locations, problems);
            ComposeKeys.check(top, locations, problems);
            ComposeMerge.normalize(top);
            ComposeMerge.mergeTop(merged, top);
        }
        problems.throwIfAny();
        return new ComposeProject.Reading(source, projectDirectory, variables, locations, merged, problems).services();
    }

    private static void requireYamlReader() {
        try {
            Class.forName("org.yaml.snakeyaml.Yaml", false, ComposeProject.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new FlotillaConfigurationException("Reading compose files needs SnakeYAML, which is not on the class path. "
                    + "Fix: add the test dependency org.yaml:snakeyaml (2.x).");
        }
    }

    /** The project's {@code .env} file, then the process environment, which wins (as with Compose). */
    private static Map<String, String> variables(Path projectDirectory, ConfigProblems problems) {
        Map<String, String> variables = new HashMap<>();
        Path dotEnv = projectDirectory.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            Interpolation fromEnvironment = new Interpolation(System.getenv());
            try {
                variables.putAll(EnvFile.read(dotEnv, fromEnvironment::apply, System::getenv));
            } catch (IOException | RuntimeException e) {
                problems.add(dotEnv.toString(), "cannot be read: " + e.getMessage(), "correct it");
            }
        }
        variables.putAll(System.getenv());
        return variables;
    }

    /** One reading of merged files. */
    private record Reading(ComposeSource source, Path projectDirectory, Map<String, String> variables, Locations locations,
            Map<String, Object> top, ConfigProblems problems) {

        ComposeServices services() {
            Map<String, Map<String, Object>> all = services(top.get("services"));
            Map<String, Map<String, Object>> active = new LinkedHashMap<>();
            all.forEach((name, service) -> {
                if (profilesActive(service)) {
                    active.put(name, service);
                }
            });
            if (all.isEmpty()) {
                problems.add(String.join(", ", source.files().stream().map(Path::toString).toList()), "no service is declared",
                        "declare services under 'services:'");
            }
            if (top.get("networks") instanceof Map<?, ?> networks) {
                networks.forEach((name, network) -> {
                    if (network instanceof Map<?, ?> options && options.get("driver") != null && !"bridge".equals(String.valueOf(options.get("driver")))) {
                        problems.add(locations.describe("networks." + name + ".driver"), "only the bridge driver is supported, not '"
                                + options.get("driver") + "'", "remove the driver");
                    }
                });
            }
            ComposeContext context = new ComposeContext(source, projectDirectory, variables, locations, active.keySet(),
                    names(top.get("networks")), names(top.get("volumes")));
            Map<String, ServiceSpec.Builder> builders = new LinkedHashMap<>();
            Set<String> mustBeHealthy = new HashSet<>();
            Set<String> jobs = new HashSet<>();
            Set<String> healthAlone = new HashSet<>();
            active.forEach((name, service) -> {
                ComposeServiceReader reader = new ComposeServiceReader(name, service, context, problems);
                builders.put(name, reader.read());
                if (!reader.waitForExposedPorts()) {
                    healthAlone.add(name);
                }
                if (service.get("restart") != null) {
                    LOG.info("Compose service {}: 'restart: {}' is ignored; Flotilla does not restart a container that exits",
                            name, service.get("restart"));
                }
                reader.dependencyConditions().forEach((dependency, condition) -> {
                    if (!active.containsKey(dependency) && all.containsKey(dependency)) {
                        problems.add(locations.describe("services." + name + ".depends_on." + dependency),
                                "'" + dependency + "' is in profiles " + all.get(dependency).get("profiles") + ", none of them active",
                                "activate one in @ComposeFile(profiles = ...)");
                    }
                    if (condition.equals("service_healthy")) {
                        mustBeHealthy.add(dependency);
                    } else if (condition.equals("service_completed_successfully")) {
                        jobs.add(dependency);
                    }
                });
            });
            problems.throwIfAny();
            List<ServiceSpec> specs = new ArrayList<>();
            Map<String, String> declaredAt = new LinkedHashMap<>();
            builders.forEach((name, builder) -> {
                ServiceSpec draft = builder.build();
                if (jobs.contains(name)) {
                    builder.job(true);
                } else if (draft.healthcheck().filter(check -> !check.disabled()).isPresent() || mustBeHealthy.contains(name)) {
                    // Healthy, and its ports taking connections as well (or, declaring none, a port of its
                    // image listened on): what a dependent that connects over the network needs.
                    List<WaitSpec> waits = new ArrayList<>();
                    if (!draft.allContainerPorts().isEmpty()) {
                        waits.add(new WaitSpec.Ports(List.of(), draft.startupTimeout()));
                    }
                    waits.add(WaitSpec.Healthcheck.of(draft.startupTimeout(), draft.allContainerPorts(), !healthAlone.contains(name)));
                    builder.waitFor(waits);
                }
                specs.add(builder.build());
                declaredAt.put(name, locations.of("services." + name));
            });
            return new ComposeServices(specs, declaredAt);
        }

        private boolean profilesActive(Map<String, Object> service) {
            if (!(service.get("profiles") instanceof List<?> profiles) || profiles.isEmpty()) {
                return true;
            }
            return profiles.stream().map(String::valueOf).anyMatch(source.profiles()::contains);
        }

        private Map<String, Map<String, Object>> services(Object declared) {
            Map<String, Map<String, Object>> services = new LinkedHashMap<>();
            if (declared instanceof Map<?, ?> map) {
                map.forEach((name, service) -> {
                    if (service instanceof Map<?, ?> definition) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) definition;
                        services.put(String.valueOf(name), typed);
                    } else {
                        problems.add(locations.describe("services." + name), "the service is not a mapping", "give it keys such as 'image'");
                    }
                });
            } else if (declared != null) {
                problems.add(locations.describe("services"), "'services' is not a mapping", "list services by name");
            }
            return services;
        }

        private static Set<String> names(Object declared) {
            Set<String> names = new LinkedHashSet<>();
            if (declared instanceof Map<?, ?> map) {
                map.keySet().forEach(name -> names.add(String.valueOf(name)));
            }
            return names;
        }
    }
}
