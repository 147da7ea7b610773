package dev.flotilla.spring.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.spring.ServiceConnection;
import dev.flotilla.spring.ServiceUrl;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The one place where {@link ServiceConnection @ServiceConnection} and {@link ServiceUrl @ServiceUrl}
 * become a {@link ConnectionPlan}, checked against the topology completely: every problem is
 * reported at once, naming the annotation, the class, the attribute, the value and the fix.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConnectionPlanResolver {

    private ConnectionPlanResolver() {
    }

    /**
     * The plan of {@code testClass} against its topology {@code spec}.
     *
     * @throws dev.flotilla.FlotillaConfigurationException naming every problem
     */
    public static ConnectionPlan resolve(Class<?> testClass, TopologySpec spec) {
        ConfigProblems problems = new ConfigProblems();
        List<ServiceConnection> declared = AnnotationSupport.findRepeatableAnnotations(testClass, ServiceConnection.class);
        List<ConnectionPlan.Connection> connections = declared.isEmpty()
                ? byImage(testClass, spec, problems)
                : declared(testClass, spec, declared, problems);
        List<ConnectionPlan.UrlProperty> urls = new ArrayList<>();
        for (ServiceUrl url : AnnotationSupport.findRepeatableAnnotations(testClass, ServiceUrl.class)) {
            urlProperty(testClass, spec, url, problems).ifPresent(urls::add);
        }
        problems.throwIfAny();
        return new ConnectionPlan(connections, urls);
    }

    /** Whether {@code testClass} asks for connections or URLs, with or without a topology. */
    public static boolean asksForConnections(Class<?> testClass) {
        return !AnnotationSupport.findRepeatableAnnotations(testClass, ServiceConnection.class).isEmpty()
                || !AnnotationSupport.findRepeatableAnnotations(testClass, ServiceUrl.class).isEmpty();
    }

    /** Every service whose image is known and whose clients' port is published; one per kind. */
    private static List<ConnectionPlan.Connection> byImage(Class<?> testClass, TopologySpec spec, ConfigProblems problems) {
        Map<ConnectionKind, List<String>> found = new LinkedHashMap<>();
        for (ServiceSpec service : spec.services()) {
            Optional<ConnectionKind> kind = ConnectionKind.ofImage(service.image());
            if (!service.job() && kind.isPresent() && service.allContainerPorts().contains(kind.get().port())) {
                found.computeIfAbsent(kind.get(), k -> new ArrayList<>()).add(service.name());
            }
        }
        List<ConnectionPlan.Connection> connections = new ArrayList<>();
        found.forEach((kind, services) -> {
            if (services.size() > 1) {
                problems.add("The topology of " + testClass.getName(), "services " + services + " are all " + kind.connectionName()
                        + ", so Spring Boot would get " + services.size() + " sets of connection details for it",
                        "name the one the application uses: @ServiceConnection(service = \"" + services.get(0) + "\")");
            } else {
                connections.add(new ConnectionPlan.Connection(services.get(0), kind));
            }
        });
        return connections;
    }

    private static List<ConnectionPlan.Connection> declared(Class<?> testClass, TopologySpec spec, List<ServiceConnection> declared,
            ConfigProblems problems) {
        List<ConnectionPlan.Connection> connections = new ArrayList<>();
        for (ServiceConnection connection : declared) {
            String annotation = "@ServiceConnection(service = \"" + connection.service() + "\")";
            String where = annotation + " on " + testClass.getName();
            Optional<ServiceSpec> service = spec.service(connection.service());
            if (service.isEmpty()) {
                problems.add(where, "the topology has no service \"" + connection.service() + "\" (its services: " + names(spec) + ")",
                        "name a service of the topology");
                continue;
            }
            if (service.get().container().isPresent()) {
                problems.add(where, "service \"" + connection.service() + "\" is a Testcontainers module (factory "
                        + service.get().container().get().description() + "), whose image, ports and credentials Flotilla learns only once it runs",
                        "declare the service with an image and its port, such as @Service(name = \"" + connection.service()
                                + "\", image = \"postgres:15\", ports = 5432, env = ...)");
                continue;
            }
            Optional<ConnectionKind> kind = kindOf(service.get(), connection, annotation + ".name on " + testClass.getName(), where, problems);
            if (kind.isEmpty()) {
                continue;
            }
            if (!service.get().allContainerPorts().contains(kind.get().port())) {
                problems.add(where, "service \"" + connection.service() + "\" does not publish port " + kind.get().port()
                        + ", where " + kind.get().connectionName() + " listens", "publish it: @Service(..., ports = " + kind.get().port() + ")");
                continue;
            }
            connections.add(new ConnectionPlan.Connection(connection.service(), kind.get()));
        }
        return connections;
    }

    private static Optional<ConnectionKind> kindOf(ServiceSpec service, ServiceConnection connection, String whereName, String where,
            ConfigProblems problems) {
        if (!connection.name().isEmpty()) {
            Optional<ConnectionKind> named = ConnectionKind.named(connection.name());
            if (named.isEmpty()) {
                problems.add(whereName, "Flotilla has no connection details for \"" + connection.name() + "\"",
                        "name one of " + ConnectionKind.knownNames() + ", or set the application's properties with @ServiceUrl");
            }
            return named;
        }
        Optional<ConnectionKind> byImage = ConnectionKind.ofImage(service.image());
        if (byImage.isEmpty()) {
            String image = service.image().isEmpty() ? "no image of its own (a Java app or a Dockerfile build)"
                    : "image \"" + service.image() + "\"";
            problems.add(where, "service \"" + service.name() + "\" has " + image + ", which Flotilla cannot map to connection details",
                    "say what it is: @ServiceConnection(service = \"" + service.name() + "\", name = \"postgres\") (known names: "
                            + ConnectionKind.knownNames() + "), or use @ServiceUrl for a property of your own");
        }
        return byImage;
    }

    private static Optional<ConnectionPlan.UrlProperty> urlProperty(Class<?> testClass, TopologySpec spec, ServiceUrl url, ConfigProblems problems) {
        String annotation = "@ServiceUrl(service = \"" + url.service() + "\", property = \"" + url.property() + "\")";
        String where = annotation + " on " + testClass.getName();
        if (url.property().isBlank()) {
            problems.add(where, "the property is empty", "name the property the application reads, such as property = \"inventory.url\"");
        }
        Optional<ServiceSpec> service = spec.service(url.service());
        if (service.isEmpty()) {
            problems.add(where, "the topology has no service \"" + url.service() + "\" (its services: " + names(spec) + ")",
                    "name a service of the topology");
            return Optional.empty();
        }
        List<Integer> published = service.get().allContainerPorts();
        int port = url.port();
        if (port == 0 && published.size() != 1) {
            problems.add(where, "service \"" + url.service() + "\" publishes " + (published.isEmpty() ? "no port" : "ports " + published)
                    + ", so the port is not clear", published.isEmpty() ? "publish the port: @Service(..., ports = 8080)"
                    : "choose one: @ServiceUrl(..., port = " + published.get(0) + ")");
            return Optional.empty();
        }
        if (port != 0 && !published.contains(port)) {
            problems.add(annotation + ".port on " + testClass.getName(), "service \"" + url.service() + "\" does not publish port " + port + " (it publishes " + published + ")",
                    "publish it: @Service(..., ports = " + port + "), or name a published one");
            return Optional.empty();
        }
        return Optional.of(new ConnectionPlan.UrlProperty(url.service(), url.property(), url.scheme(), port == 0 ? published.get(0) : port,
                url.path()));
    }

    private static List<String> names(TopologySpec spec) {
        return spec.services().stream().map(ServiceSpec::name).toList();
    }
}
