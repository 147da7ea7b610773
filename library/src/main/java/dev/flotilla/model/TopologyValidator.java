package dev.flotilla.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apiguardian.api.API;

/**
 * Checks a whole {@link TopologySpec} before anything touches Docker: names, images, ports,
 * dependencies (unknown ones and cycles), readiness conditions, files and labels. Every problem
 * is reported at once, each naming where it was declared, the bad value and the fix.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TopologyValidator {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final long MIN_MEMORY = 6L * 1024 * 1024;
    private static final String RESERVED_LABEL_PREFIX = "dev.flotilla.";
    private static final Pattern DOCKER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private TopologyValidator() {
    }

    /**
     * Validates {@code spec}.
     *
     * @throws dev.flotilla.FlotillaConfigurationException naming every problem found
     */
    public static void validate(TopologySpec spec, SpecOrigin origin) {
        ConfigProblems problems = new ConfigProblems();
        check(spec, origin, problems);
        problems.throwIfAny();
    }

    /** Adds every problem of {@code spec} to {@code problems}, for a caller that reports them with problems of its own. */
    public static void check(TopologySpec spec, SpecOrigin origin, ConfigProblems problems) {
        if (spec.services().isEmpty()) {
            problems.add(origin.topology(), "the topology \"" + spec.name() + "\" declares no service",
                    "add at least one @Service (or .service(...)) to the topology");
        }
        checkNames(spec, origin, problems);
        for (ServiceSpec service : spec.services()) {
            checkImage(service, origin, problems);
            checkPorts(service, origin, problems);
            checkWaits(service, origin, problems);
            checkResources(service, origin, problems);
            checkMounts(service, origin, problems);
            ReplicaChecks.check(service, spec, origin, problems);
        }
        SnapshotChecks.check(spec, origin, problems);
        checkDependencies(spec, origin, problems);
        checkProxiedLinks(spec, origin, problems);
        if (spec.reuse()) {
            spec.services().stream().filter(s -> s.container().isPresent()).forEach(s -> problems.add(origin.topology(),
                    "service \"" + s.name() + "\" comes from a container factory, which a reusable topology cannot keep"
                            + " (the container object lives in one JVM)", "set reuse = false, or run the service from an image"));
        }
    }

    private static void checkProxiedLinks(TopologySpec spec, SpecOrigin origin, ConfigProblems problems) {
        for (LinkSpec link : spec.proxiedLinks()) {
            String where = origin.topology() + ", link " + link;
            boolean known = true;
            for (String end : List.of(link.client(), link.server())) {
                if (spec.service(end).isEmpty()) {
                    known = false;
                    problems.add(where, "the link names service \"" + end + "\", which the topology does not have",
                            "name one of " + spec.services().stream().map(ServiceSpec::name).toList());
                }
            }
            if (!known) {
                continue;
            }
            for (String end : List.of(link.client(), link.server())) {
                if (!spec.service(end).get().joinedNetworks().contains(ServiceSpec.DEFAULT_NETWORK)) {
                    problems.add(where, "service \"" + end + "\" is not on the topology's own network, where the link's proxy runs",
                            "add \"" + ServiceSpec.DEFAULT_NETWORK + "\" to its networks");
                }
            }
            if (link.client().equals(link.server())) {
                problems.add(where, "a link from a service to itself", "name two different services");
            } else if (spec.service(link.server()).get().allContainerPorts().isEmpty()) {
                problems.add(where, "service \"" + link.server() + "\" declares no port, and the proxy forwards only the ports"
                        + " the server declares", "declare its ports, such as @Service(name = \"" + link.server() + "\", ports = 5432)");
            }
        }
    }

    private static void checkNames(TopologySpec spec, SpecOrigin origin, ConfigProblems problems) {
        Map<String, String> owners = new HashMap<>();
        Set<String> reportedDuplicates = new HashSet<>();
        for (ServiceSpec service : spec.services()) {
            if (!NAME.matcher(service.name()).matches()) {
                problems.add(origin.service(service.name(), "name"), "invalid service name \"" + service.name() + "\"",
                        "start with a letter or digit and use only letters, digits, '_', '.' and '-'");
            }
            if (owners.containsKey(service.name()) && owners.get(service.name()).equals(service.name())) {
                if (reportedDuplicates.add(service.name())) {
                    problems.add(origin.service(service.name(), "name"), "duplicate service name \"" + service.name() + "\"",
                            "give each service of the topology a unique name");
                }
                continue;
            }
            for (String alias : service.networkAliases()) {
                String owner = owners.putIfAbsent(alias, service.name());
                if (owner != null && !owner.equals(service.name())) {
                    problems.add(origin.service(service.name(), alias.equals(service.name()) ? "name" : "aliases"),
                            "network name \"" + alias + "\" is already used by service \"" + owner + "\"",
                            "give each service and alias a unique name");
                } else if (owner == null && !alias.equals(service.name()) && !NAME.matcher(alias).matches()) {
                    problems.add(origin.service(service.name(), "aliases"), "invalid alias \"" + alias + "\"",
                            "start with a letter or digit and use only letters, digits, '_', '.' and '-'");
                }
            }
        }
    }

    private static void checkImage(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        if (service.container().isPresent()) {
            ContainerFactoryChecks.check(service, origin, problems);
        } else if (service.build().isPresent() && service.javaApp().isEmpty()) {
            DockerBuildChecks.check(service, origin, problems);
        } else if (service.javaApp().isPresent() || service.image().isEmpty()) {
            JavaAppChecks.check(service, origin, problems);
        } else if (!ImageReference.isValid(service.image())) {
            problems.add(origin.service(service.name(), "image"), "invalid image reference \"" + service.image() + "\"",
                    "use a reference such as \"redis:7\", \"postgres:15\" or \"registry.example:5000/team/app:1.2\""
                            + " (repository names are lower-case)");
        }
    }

    private static void checkPorts(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        Set<Integer> seen = new HashSet<>();
        for (int port : service.ports()) {
            checkPortRange(port, origin.service(service.name(), "ports"), "container port", problems);
            if (!seen.add(port)) {
                problems.add(origin.service(service.name(), "ports"), "port " + port + " is declared twice",
                        "declare each container port once");
            }
        }
        for (FixedPort fixed : service.fixedPorts()) {
            String where = origin.service(service.name(), "fixedPorts");
            checkPortRange(fixed.hostPort(), where, "host port", problems);
            checkPortRange(fixed.containerPort(), where, "container port", problems);
            if (!seen.add(fixed.containerPort())) {
                problems.add(where, "container port " + fixed.containerPort() + " is declared twice",
                        "publish each container port once, either in ports or in fixedPorts");
            }
        }
        service.bindAddress().ifPresent(bindAddress -> {
            if (!isIpLiteral(bindAddress)) {
                problems.add(origin.service(service.name(), "bindAddress"), "\"" + bindAddress + "\" is not an IP address",
                        "use an IP literal such as \"127.0.0.1\" or \"0.0.0.0\", or leave it empty to let Flotilla choose");
            }
        });
    }

    private static boolean isIpLiteral(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(text.contains(":") && text.matches("[0-9a-fA-F:.]+"))) {
            return false;
        }
        try {
            // A literal is parsed, never looked up; this rejects "999.0.0.1" and malformed IPv6.
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkPortRange(int port, String where, String what, ConfigProblems problems) {
        if (port < 1 || port > 65535) {
            problems.add(where, what + " " + port + " is out of range", "use a port between 1 and 65535");
        }
    }

    private static void checkWaits(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        String where = origin.service(service.name(), "waitFor");
        if (service.job() && !service.waitFor().isEmpty()) {
            problems.add(where, "service \"" + service.name() + "\" is a job, which is ready once it exits with 0, and also declares "
                    + service.waitFor().stream().map(WaitSpec::describe).toList(), "remove waitFor from the job, or make it a service that keeps running (job = false)");
        }
        List<Integer> declared = service.allContainerPorts();
        if (service.startupTimeout().isZero() || service.startupTimeout().isNegative()) {
            problems.add(origin.service(service.name(), "startupTimeout"), "startup timeout " + service.startupTimeout() + " is not positive",
                    "use a positive duration such as \"60s\"");
        }
        for (WaitSpec wait : service.waitFor()) {
            if (wait.timeout().isZero() || wait.timeout().isNegative()) {
                problems.add(where, "timeout " + wait.timeout() + " of " + wait.describe() + " is not positive",
                        "use a positive duration such as \"30s\"");
            }
            if (wait instanceof WaitSpec.Ports ports) {
                checkPortsWait(ports, declared, where, problems);
            } else if (wait instanceof WaitSpec.Http http) {
                checkHttpWait(http, declared, where, problems);
            } else if (wait instanceof WaitSpec.Log log) {
                checkLogWait(log, where, problems);
            } else if (wait instanceof WaitSpec.Command command
                    && (command.command().isEmpty() || command.command().get(0).isBlank())) {
                problems.add(where, "the readiness command is empty", "name the command to run, such as {\"pg_isready\"}");
            }
        }
    }

    private static void checkPortsWait(WaitSpec.Ports ports, List<Integer> declared, String where, ConfigProblems problems) {
        for (int port : ports.ports()) {
            if (!declared.contains(port)) {
                problems.add(where, "port " + port + " is not declared by the service (declared: " + declared + ")",
                        "add " + port + " to the service's ports, or wait for a declared port");
            }
        }
        if (ports.ports().isEmpty() && declared.isEmpty()) {
            problems.add(where, "a port check needs a declared port, and the service declares none",
                    "declare the port in ports, or wait for a log line or command instead");
        }
    }

    private static void checkHttpWait(WaitSpec.Http http, List<Integer> declared, String where, ConfigProblems problems) {
        if (http.port() == 0 && declared.size() != 1) {
            problems.add(where, "HTTP check without a port, and the service declares " + declared.size() + " ports " + declared,
                    "name the port of the HTTP check, such as @WaitFor(http = \"" + http.path() + "\", port = 8080)");
        } else if (http.port() != 0 && !declared.contains(http.port())) {
            problems.add(where, "HTTP check port " + http.port() + " is not declared by the service (declared: " + declared + ")",
                    "add " + http.port() + " to the service's ports");
        }
        if (!http.path().startsWith("/")) {
            problems.add(where, "HTTP path \"" + http.path() + "\" does not start with '/'", "write it as \"/" + http.path() + "\"");
        }
        if (http.status() < 100 || http.status() > 599) {
            problems.add(where, "HTTP status " + http.status() + " is not a status code", "use a status between 100 and 599");
        }
    }

    private static void checkLogWait(WaitSpec.Log log, String where, ConfigProblems problems) {
        try {
            Pattern.compile(log.regex());
        } catch (PatternSyntaxException e) {
            problems.add(where, "log pattern \"" + log.regex() + "\" is not a regular expression (" + e.getDescription() + ")",
                    "fix the expression, or quote it with \\Q...\\E");
        }
        if (log.times() < 1) {
            problems.add(where, "times " + log.times() + " is not positive", "use times = 1 or more");
        }
    }

    private static void checkResources(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        if (service.memoryBytes() != 0 && service.memoryBytes() < MIN_MEMORY) {
            problems.add(origin.service(service.name(), "memory"), "memory limit of " + service.memoryBytes() + " bytes is below Docker's minimum of 6 MiB",
                    "use at least \"6m\", or leave it empty for no limit");
        }
        for (String key : service.labels().keySet()) {
            if (key.startsWith(RESERVED_LABEL_PREFIX)) {
                problems.add(origin.service(service.name(), "labels"), "label key \"" + key + "\" uses the reserved prefix " + RESERVED_LABEL_PREFIX,
                        "choose a key outside dev.flotilla.*");
            }
        }
        for (FileCopy file : service.files()) {
            String where = origin.service(service.name(), "files");
            if (!file.target().startsWith("/")) {
                problems.add(where, "target \"" + file.target() + "\" is not an absolute path", "write the full path in the container, such as \"/" + file.target() + "\"");
            }
            if (file.mode() < 0 || file.mode() > 07777) {
                problems.add(where, "mode " + Integer.toOctalString(file.mode()) + " is not a Unix permission", "use an octal such as 0644");
            }
            if (!sourceExists(file.source())) {
                problems.add(where, "source \"" + file.source() + "\" does not exist",
                        "point at an existing file, or at a class-path resource as \"classpath:path/to/file\"");
            }
        }
    }

    private static void checkMounts(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        String where = origin.service(service.name(), "volumes");
        for (VolumeMount mount : service.mounts()) {
            if (!mount.target().startsWith("/")) {
                problems.add(where, "mount target \"" + mount.target() + "\" is not an absolute path", "write the full path in the container");
            }
            if (mount.type() == VolumeMount.Type.BIND && !Files.exists(Path.of(mount.source()))) {
                problems.add(where, "bind mount source " + mount.source() + " does not exist", "create it, or correct the path");
            }
            if (mount.isNamedVolume() && !DOCKER_NAME.matcher(mount.source()).matches()) {
                problems.add(where, "\"" + mount.source() + "\" is not a volume name", "use letters, digits, '_', '.' and '-'");
            }
        }
        String networksAt = origin.service(service.name(), "networks");
        for (String network : service.networks()) {
            if (!DOCKER_NAME.matcher(network).matches()) {
                problems.add(networksAt, "\"" + network + "\" is not a network name", "use letters, digits, '_', '.' and '-'");
            }
        }
        if (service.networks().size() != new HashSet<>(service.networks()).size()) {
            problems.add(networksAt, "a network is named twice in " + service.networks(), "name each network once");
        }
        if (service.container().isPresent() && !service.networks().isEmpty()) {
            problems.add(networksAt, "a container from a factory joins the topology's own network only", "remove networks");
        }
        if (service.container().isPresent() && (!service.mounts().isEmpty() || service.user().isPresent()
                || service.workingDir().isPresent() || !service.extraHosts().isEmpty() || service.healthcheck().isPresent())) {
            problems.add(where, "a container from a factory takes its mounts, user, working directory, hosts and health check"
                    + " from the container object", "configure them on the object the factory returns");
        }
    }

    private static boolean sourceExists(String source) {
        if (source.startsWith(FileCopy.CLASSPATH_PREFIX)) {
            String resource = source.substring(FileCopy.CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return (loader != null ? loader : TopologyValidator.class.getClassLoader()).getResource(resource) != null;
        }
        return Files.isRegularFile(Path.of(source));
    }

    private static void checkDependencies(TopologySpec spec, SpecOrigin origin, ConfigProblems problems) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        spec.services().forEach(s -> byName.putIfAbsent(s.name(), s));
        boolean allKnown = true;
        for (ServiceSpec service : byName.values()) {
            for (String dependency : service.dependsOn()) {
                String where = origin.service(service.name(), "dependsOn");
                if (dependency.equals(service.name())) {
                    problems.add(where, "service \"" + service.name() + "\" depends on itself", "remove \"" + dependency + "\" from dependsOn");
                    allKnown = false;
                } else if (!byName.containsKey(dependency)) {
                    problems.add(where, "unknown service \"" + dependency + "\" (declared services: " + byName.keySet() + ")",
                            "name a service declared in the same topology, or declare one named \"" + dependency + "\"");
                    allKnown = false;
                }
            }
        }
        if (allKnown) {
            List<String> cycle = findCycle(byName);
            if (!cycle.isEmpty()) {
                problems.add(origin.service(cycle.get(0), "dependsOn"), "dependency cycle " + String.join(" -> ", cycle),
                        "remove one of the dependsOn entries on this cycle");
            }
        }
    }

    /** Depth-first search; returns the first cycle found as a closed path (first name repeated last), or empty. */
    private static List<String> findCycle(Map<String, ServiceSpec> byName) {
        Set<String> done = new HashSet<>();
        for (String start : byName.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            List<String> cycle = visit(start, byName, path, new HashSet<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String name, Map<String, ServiceSpec> byName, Deque<String> path, Set<String> onPath, Set<String> done) {
        if (onPath.contains(name)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (var it = path.descendingIterator(); it.hasNext(); ) {
                String step = it.next();
                inCycle |= step.equals(name);
                if (inCycle) {
                    cycle.add(step);
                }
            }
            cycle.add(name);
            return cycle;
        }
        if (!done.add(name)) {
            return List.of();
        }
        path.push(name);
        onPath.add(name);
        for (String dependency : byName.get(name).dependsOn()) {
            List<String> cycle = visit(dependency, byName, path, onPath, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.pop();
        onPath.remove(name);
        return List.of();
    }
}
