package dev.flotilla.resolve;

import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.Build;
import dev.flotilla.ComposeFile;
import dev.flotilla.CopyFile;
import dev.flotilla.JavaApp;
import dev.flotilla.Service;
import dev.flotilla.ProxiedLink;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.DockerBuildSpec;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.model.FileCopy;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.JavaAppSpec;
import dev.flotilla.model.Secret;
import dev.flotilla.model.LinkSpec;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.SpecOrigin;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.model.TopologyValidator;
import dev.flotilla.model.Values;
import dev.flotilla.model.VolumeMount;
import dev.flotilla.model.WaitSpec;
import dev.flotilla.resolve.compose.ComposeProject;
import dev.flotilla.resolve.compose.ComposeServices;
import dev.flotilla.resolve.compose.ComposeSource;
import dev.flotilla.resolve.compose.VolumeSyntax;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The one place where annotations become a {@link TopologySpec}. It finds {@code @Topology} and
 * {@code @Service} directly on a class, on composed annotations, on superclasses and, for
 * {@code @Nested} classes, on enclosing classes (whose services come first); parses every
 * textual attribute; and validates the result completely, with the {@code @Fault}s of the test
 * methods, before anything starts.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnnotationTopologyResolver {

    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private AnnotationTopologyResolver() {
    }

    /**
     * Resolves the topology declared for {@code source}: a test class or a composed annotation type.
     * The {@code @Fault}s of its test methods are checked with it, and so are the declarations of its
     * {@code @Nested} classes, whose tests run while its topology does.
     *
     * @return empty if neither {@code source} nor an enclosing class carries {@code @Topology}
     * @throws dev.flotilla.FlotillaConfigurationException naming every problem of the declaration
     */
    public static Optional<TopologyDeclaration> resolve(Class<?> source) {
        ConfigProblems problems = new ConfigProblems();
        Optional<TopologyDeclaration> declaration = resolve(source, problems);
        problems.throwIfAny();
        return declaration;
    }

    /**
     * The declaration for {@code source}, every problem of it added to {@code problems}; then, if it has
     * none, those of its {@code @Nested} classes (which share its services, so its own problems would
     * be reported again for each).
     */
    private static Optional<TopologyDeclaration> resolve(Class<?> source, ConfigProblems problems) {
        List<Class<?>> chain = enclosingChain(source);
        Class<?> declaring = null;
        Topology topology = null;
        for (int i = chain.size() - 1; i >= 0 && topology == null; i--) {
            Optional<Topology> found = AnnotationSupport.findAnnotation(chain.get(i), Topology.class);
            if (found.isPresent()) {
                topology = found.get();
                declaring = chain.get(i);
            }
        }
        if (topology == null) {
            return Optional.empty();
        }
        int before = problems.size();
        SpecOrigin origin = SpecOrigin.annotations(source);
        List<ServiceSpec> services = new ArrayList<>();
        Optional<ComposeServices> compose = composeServices(chain);
        compose.ifPresent(c -> services.addAll(c.services()));
        for (Class<?> element : chain) {
            for (Service service : AnnotationSupport.findRepeatableAnnotations(element, Service.class)) {
                services.add(toSpec(service, chain, origin, problems));
            }
        }
        if (problems.size() > before) {
            // Values that could not be read would only add problems of their stand-ins.
            return Optional.empty();
        }
        List<DeclaredFault> faults = FaultResolver.declaredIn(source, problems);
        List<LinkSpec> proxiedLinks = new ArrayList<>();
        for (Class<?> element : chain) {
            for (ProxiedLink link : AnnotationSupport.findRepeatableAnnotations(element, ProxiedLink.class)) {
                proxiedLinks.add(new LinkSpec(link.from(), link.to()));
            }
        }
        List<String> names = services.stream().map(ServiceSpec::name).toList();
        // A link fault on a test method places its link's proxy; one naming an unknown service is reported as a fault.
        faults.stream().map(DeclaredFault::spec).filter(FaultSpec::needsProxy).map(FaultSpec::link)
                .filter(link -> names.contains(link.client()) && names.contains(link.server()) && !proxiedLinks.contains(link))
                .distinct().forEach(proxiedLinks::add);
        String name = topology.name().isBlank() ? defaultName(declaring) : topology.name();
        TopologySpec spec = new TopologySpec(name, topology.pull(), services, topology.reuse(), proxiedLinks);
        TopologyValidator.check(spec, compose.map(c -> SpecOrigin.composeFile(origin, c.declaredAt())).orElse(origin), problems);
        faults.forEach(fault -> FaultChecks.checkServices(fault, spec, problems));
        if (problems.size() == before) {
            ReflectionSupport.findNestedClasses(source, c -> isInner(c) && AnnotationSupport.isAnnotated(c, Nested.class))
                    .forEach(nested -> resolve(nested, problems));
        }
        return Optional.of(new TopologyDeclaration(spec, topology.scope()));
    }

    /** The services of the {@code @ComposeFile} nearest to the test class, if there is one. */
    private static Optional<ComposeServices> composeServices(List<Class<?>> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<ComposeFile> found = AnnotationSupport.findAnnotation(chain.get(i), ComposeFile.class);
            if (found.isPresent()) {
                ComposeFile file = found.get();
                return Optional.of(ComposeProject.read(new ComposeSource(Arrays.stream(file.value()).map(Path::of).toList(),
                        Set.of(file.profiles()), file.randomHostPorts())));
            }
        }
        return Optional.empty();
    }

    /** The class and, for inner ({@code @Nested}) classes, its enclosing classes, outermost first. */
    private static List<Class<?>> enclosingChain(Class<?> source) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = source; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
            chain.add(0, c);
        }
        return chain;
    }

    private static boolean isInner(Class<?> c) {
        return c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
    }

    /** The simple name of the composed annotation carrying {@code @Topology}, or of the class itself. */
    private static String defaultName(Class<?> declaring) {
        for (Class<?> c = declaring; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Topology.class) && c.getDeclaredAnnotation(Topology.class) != null) {
                return c.getSimpleName();
            }
            for (Annotation annotation : c.getDeclaredAnnotations()) {
                if (AnnotationSupport.isAnnotated(annotation.annotationType(), Topology.class)) {
                    return annotation.annotationType().getSimpleName();
                }
            }
        }
        return declaring.getSimpleName();
    }

    private static ServiceSpec toSpec(Service service, List<Class<?>> lookIn, SpecOrigin origin, ConfigProblems problems) {
        String name = service.name();
        Duration startupTimeout = service.startupTimeout().isBlank() ? ServiceSpec.DEFAULT_STARTUP_TIMEOUT
                : duration(service.startupTimeout(), origin.service(name, "startupTimeout"), problems)
                        .orElse(ServiceSpec.DEFAULT_STARTUP_TIMEOUT);
        // Parsed in attribute order, so that problems are listed in that order too.
        List<FixedPort> fixedPorts = fixedPorts(service, origin, problems);
        Map<String, String> env = keyValues(service.env(), origin.service(name, "env"), "KEY=value", problems);
        Map<String, Secret> secrets = secrets(service, origin, problems);
        List<Integer> declaredPorts = ServiceSpec.containerPorts(Arrays.stream(service.ports()).boxed().toList(), fixedPorts);
        List<WaitSpec> waits = waits(service, startupTimeout, declaredPorts, origin, problems);
        long memory = memory(service, origin, problems);
        Map<String, String> labels = keyValues(service.labels(), origin.service(name, "labels"), "key=value", problems);
        ServiceSpec.Builder spec = ServiceSpec.builder(name)
                .image(service.image())
                .ports(Arrays.stream(service.ports()).boxed().toList())
                .fixedPorts(fixedPorts)
                .command(List.of(service.command()))
                .entrypoint(List.of(service.entrypoint()))
                .dependsOn(List.of(service.dependsOn()))
                .aliases(List.of(service.aliases()))
                .waitFor(waits)
                .startupTimeout(startupTimeout)
                .memoryBytes(memory)
                .files(files(service.files()))
                .bindAddress(Optional.of(service.bindAddress()))
                .javaApp(javaApp(service, origin, problems))
                .build(build(service, origin, problems))
                .container(ContainerFactories.resolve(service, lookIn, origin, problems))
                .job(service.job())
                .mounts(mounts(service, origin, problems))
                .user(Optional.of(service.user()))
                .workingDir(Optional.of(service.workingDir()))
                .extraHosts(extraHosts(service, origin, problems))
                .networks(List.of(service.networks()))
                .replicas(service.replicas())
                .snapshot(service.snapshot());
        env.forEach(spec::env);
        secrets.forEach(spec::secret);
        labels.forEach(spec::label);
        return spec.build();
    }

    private static List<VolumeMount> mounts(Service service, SpecOrigin origin, ConfigProblems problems) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (String volume : service.volumes()) {
            try {
                mounts.add(VolumeSyntax.parse(volume, Path.of("")));
            } catch (IllegalArgumentException e) {
                problems.add(origin.service(service.name(), "volumes"), e.getMessage(),
                        "write \"volume:/path\", \"./host/path:/path[:ro]\" or \"/path\"");
            }
        }
        for (String tmpfs : service.tmpfs()) {
            try {
                mounts.add(VolumeSyntax.parseTmpfs(tmpfs));
            } catch (IllegalArgumentException e) {
                problems.add(origin.service(service.name(), "tmpfs"), e.getMessage(), "write \"/path\" or \"/path:size=64m\"");
            }
        }
        return mounts;
    }

    private static List<String> extraHosts(Service service, SpecOrigin origin, ConfigProblems problems) {
        for (String entry : service.extraHosts()) {
            if (entry.indexOf(':') <= 0) {
                problems.add(origin.service(service.name(), "extraHosts"), "\"" + entry + "\" is not name:address",
                        "write an entry such as \"legacy.internal:10.0.0.7\"");
            }
        }
        return List.of(service.extraHosts());
    }

    private static Optional<JavaAppSpec> javaApp(Service service, SpecOrigin origin, ConfigProblems problems) {
        JavaApp[] apps = service.javaApp();
        if (apps.length > 1) {
            problems.add(origin.service(service.name(), "javaApp"), "declares " + apps.length + " @JavaApp",
                    "declare one: javaApp = @JavaApp(mainClass = \"...\")");
        }
        return Arrays.stream(apps).findFirst().map(app -> new JavaAppSpec(app.mainClass(), List.of(app.classpath()),
                List.of(app.jvmArgs()), app.baseImage().isBlank() ? JavaAppSpec.DEFAULT_BASE_IMAGE : app.baseImage()));
    }

    private static Optional<DockerBuildSpec> build(Service service, SpecOrigin origin, ConfigProblems problems) {
        Build[] builds = service.build();
        String where = origin.service(service.name(), "build");
        if (builds.length > 1) {
            problems.add(where, "declares " + builds.length + " @Build", "declare one: build = @Build(context = \"...\")");
        }
        return Arrays.stream(builds).findFirst().map(build -> new DockerBuildSpec(build.context(), build.dockerfile(),
                keyValues(build.args(), where, "NAME=value", problems), Optional.of(build.target())));
    }

    private static List<FixedPort> fixedPorts(Service service, SpecOrigin origin, ConfigProblems problems) {
        List<FixedPort> fixed = new ArrayList<>();
        for (String mapping : service.fixedPorts()) {
            String[] parts = mapping.split(":");
            if (parts.length == 2 && parts[0].matches("\\d{1,5}") && parts[1].matches("\\d{1,5}")) {
                fixed.add(new FixedPort(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } else {
                problems.add(origin.service(service.name(), "fixedPorts"), "\"" + mapping + "\" is not \"hostPort:containerPort\"",
                        "write it as \"18080:8080\"");
            }
        }
        return fixed;
    }

    private static Map<String, String> keyValues(String[] entries, String where, String form, ConfigProblems problems) {
        return keyValues(entries, where, form, false, problems);
    }

    private static Map<String, String> keyValues(String[] entries, String where, String form, boolean secret, ConfigProblems problems) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                // A malformed secret shows nothing of itself: the whole entry may be the value.
                String shown = secret ? Secret.MASK : eq < 0 ? entry : "=...";
                problems.add(where, "\"" + shown + "\" is not \"" + form + "\"", "write it as \"" + form + "\"");
            } else {
                map.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return map;
    }

    private static Map<String, Secret> secrets(Service service, SpecOrigin origin, ConfigProblems problems) {
        String where = origin.service(service.name(), "secrets");
        Map<String, Secret> secrets = new LinkedHashMap<>();
        keyValues(service.secrets(), where, "KEY=value", true, problems).forEach((key, value) -> {
            Matcher reference = SECRET_REFERENCE.matcher(value);
            if (!reference.matches()) {
                secrets.put(key, new Secret(value));
                return;
            }
            String variable = reference.group(1);
            String resolved = System.getProperty(variable, System.getenv(variable));
            if (resolved == null) {
                problems.add(where, "secret " + key + " reads ${" + variable + "}, which is neither a system property nor an environment variable",
                        "set the environment variable or system property " + variable);
            } else {
                secrets.put(key, new Secret(resolved));
            }
        });
        return secrets;
    }

    private static long memory(Service service, SpecOrigin origin, ConfigProblems problems) {
        if (service.memory().isBlank()) {
            return 0;
        }
        Optional<Long> bytes = Values.parseMemory(service.memory());
        if (bytes.isEmpty()) {
            problems.add(origin.service(service.name(), "memory"), "\"" + service.memory() + "\" is not a memory size",
                    "write a size such as \"256m\" or \"1g\"");
        }
        return bytes.orElse(0L);
    }

    private static List<FileCopy> files(CopyFile[] files) {
        return Arrays.stream(files).map(f -> new FileCopy(f.source(), f.target(), f.mode())).toList();
    }

    private static List<WaitSpec> waits(Service service, Duration startupTimeout, List<Integer> declaredPorts, SpecOrigin origin,
            ConfigProblems problems) {
        List<WaitSpec> waits = new ArrayList<>();
        String where = origin.service(service.name(), "waitFor");
        for (WaitFor wait : service.waitFor()) {
            Duration timeout = wait.timeout().isBlank() ? startupTimeout
                    : duration(wait.timeout(), where, problems).orElse(startupTimeout);
            List<String> kinds = new ArrayList<>();
            if (!wait.http().isEmpty()) {
                kinds.add("http");
                waits.add(new WaitSpec.Http(wait.port(), wait.http(), wait.status(), timeout));
            }
            if (!wait.log().isEmpty()) {
                kinds.add("log");
                waits.add(new WaitSpec.Log(wait.log(), wait.times(), timeout));
            }
            if (wait.healthcheck()) {
                kinds.add("healthcheck");
                waits.add(WaitSpec.Healthcheck.of(timeout, declaredPorts, wait.exposedPorts()));
            } else if (!wait.exposedPorts()) {
                problems.add(where, "exposedPorts = false is set on a @WaitFor without healthcheck = true; it only"
                        + " qualifies a health check", "add healthcheck = true, or remove exposedPorts = false");
            }
            if (wait.command().length > 0) {
                kinds.add("command");
                waits.add(new WaitSpec.Command(List.of(wait.command()), timeout));
            }
            if (kinds.isEmpty()) {
                waits.add(new WaitSpec.Ports(wait.port() == 0 ? List.of() : List.of(wait.port()), timeout));
            } else if (kinds.size() > 1) {
                problems.add(where, "one @WaitFor sets " + kinds.size() + " kinds of check " + kinds,
                        "use one @WaitFor per check, such as waitFor = {@WaitFor(log = \"...\"), @WaitFor(port = 8080)}");
            }
        }
        return waits;
    }

    private static Optional<Duration> duration(String text, String where, ConfigProblems problems) {
        Optional<Duration> parsed = Values.parseDuration(text);
        if (parsed.isEmpty()) {
            problems.add(where, "\"" + text + "\" is not a positive duration", "write a duration such as \"500ms\", \"30s\" or \"2m\"");
        }
        return parsed;
    }
}
