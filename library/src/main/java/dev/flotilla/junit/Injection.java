package dev.flotilla.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.Endpoint;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.TopologyNetwork;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.GenericContainer;

/**
 * Computes what goes into a {@link ServiceHandle}, {@link RunningTopology}, {@link TopologyNetwork},
 * container object (of a service made by a factory) or {@link Endpoint @Endpoint} parameter or field.
 */
final class Injection {

    private static final Pattern ENDPOINT = Pattern.compile("(?:([a-zA-Z][a-zA-Z0-9+.-]*)://)?([^:/]+):(\\d{1,5})");

    private Injection() {
    }

    /** Whether an element of this type and annotations is Flotilla's to fill. */
    static boolean isInjectable(AnnotatedElement element, Class<?> type) {
        return element.isAnnotationPresent(Endpoint.class) || ServiceHandle.class.equals(type) || RunningTopology.class.equals(type)
                || TopologyNetwork.class.equals(type) || GenericContainer.class.isAssignableFrom(type);
    }

    /**
     * The value for an element.
     *
     * @param what describes the element for messages, such as "parameter 'api' of FooTest.test(...)"
     * @param ownName the element's own name, the service name of an unannotated handle; empty where
     *     the compiler kept no name (a parameter compiled without -parameters and without debug information)
     */
    static Object valueFor(AnnotatedElement element, Class<?> type, String what, Optional<String> ownName, RunningTopology topology) {
        Endpoint endpoint = element.getAnnotation(Endpoint.class);
        if (endpoint != null) {
            return endpointValue(endpoint.value(), type, what, topology);
        }
        if (RunningTopology.class.equals(type)) {
            return topology;
        }
        if (TopologyNetwork.class.equals(type)) {
            return topology.network();
        }
        ServiceName named = element.getAnnotation(ServiceName.class);
        if (named == null && ownName.isEmpty()) {
            throw new ExtensionConfigurationException(what + ": its name was not kept by the compiler, so Flotilla cannot tell"
                    + " which service of topology \"" + topology.name() + "\" " + new TreeSet<>(topology.serviceNames()) + " it means."
                    + " Fix: annotate it with @ServiceName(\"...\"), or compile with -parameters (Maven:"
                    + " <maven.compiler.parameters>true</maven.compiler.parameters>; Gradle: options.compilerArgs << '-parameters')"
                    + " or with debug information (javac -g, the default of Maven and Gradle).");
        }
        String serviceName = named != null ? named.value() : ownName.get();
        if (!topology.serviceNames().contains(serviceName)) {
            throw new ExtensionConfigurationException(what + ": topology \"" + topology.name() + "\" has no service \""
                    + serviceName + "\" (services: " + topology.serviceNames() + "). Fix: "
                    + (named != null ? "name a declared service in @ServiceName." : "name it like the service, or annotate it with @ServiceName(\"...\")."));
        }
        ServiceHandle handle = topology.service(serviceName);
        if (GenericContainer.class.isAssignableFrom(type)) {
            try {
                return handle.container(type);
            } catch (IllegalStateException e) {
                throw new ExtensionConfigurationException(what + ": " + e.getMessage() + " Fix: declare it as ServiceHandle, or make the"
                        + " service with @Service(factory = ...).");
            }
        }
        return handle;
    }

    private static Object endpointValue(String value, Class<?> type, String what, RunningTopology topology) {
        Matcher m = ENDPOINT.matcher(value.trim());
        if (!m.matches()) {
            throw new ExtensionConfigurationException(what + ": @Endpoint(\"" + value + "\") is not \"service:port\". "
                    + "Fix: write it as @Endpoint(\"api:8080\") or @Endpoint(\"redis://cache:6379\").");
        }
        String scheme = m.group(1) == null ? "http" : m.group(1);
        String serviceName = m.group(2);
        int port = Integer.parseInt(m.group(3));
        if (!topology.serviceNames().contains(serviceName)) {
            throw new ExtensionConfigurationException(what + ": @Endpoint(\"" + value + "\") names service \"" + serviceName
                    + "\", which topology \"" + topology.name() + "\" does not have (services: " + topology.serviceNames()
                    + "). Fix: name a declared service.");
        }
        ServiceHandle service = topology.service(serviceName);
        int mapped;
        try {
            mapped = service.mappedPort(port);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(what + ": @Endpoint(\"" + value + "\"): " + e.getMessage(), e);
        }
        if (URI.class.equals(type)) {
            return URI.create(scheme + "://" + service.host() + ":" + mapped);
        }
        if (String.class.equals(type)) {
            return service.host() + ":" + mapped;
        }
        if (int.class.equals(type) || Integer.class.equals(type)) {
            return mapped;
        }
        throw new ExtensionConfigurationException(what + ": @Endpoint cannot fill a " + type.getName()
                + ". Fix: declare it as java.net.URI, String (host:port) or int (the host port).");
    }

    /** Fills the matching fields of {@code instance} (or the static ones of {@code testClass} when instance is null). */
    static void injectFields(Class<?> testClass, Object instance, RunningTopology topology) {
        Predicate<Field> wanted = field -> Modifier.isStatic(field.getModifiers()) == (instance == null)
                && isInjectable(field, field.getType());
        for (Field field : allFields(testClass)) {
            if (!wanted.test(field)) {
                continue;
            }
            String what = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(what + " is final, so Flotilla cannot fill it. Fix: remove final.");
            }
            Object value = valueFor(field, field.getType(), what, Optional.of(field.getName()), topology);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException(what + " could not be set: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Fails a class with scope {@code METHOD} that has static fields to fill: each test method gets
     * its own instance, while a static field is one for all of them (and parallel methods would
     * overwrite each other's).
     */
    static void rejectStaticFields(Class<?> testClass) {
        for (Field field : allFields(testClass)) {
            if (Modifier.isStatic(field.getModifiers()) && isInjectable(field, field.getType())) {
                throw new ExtensionConfigurationException("field " + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                        + " is static, but the topology has scope METHOD: each test method gets its own instance, and a static"
                        + " field would hold only one of them (tests running in parallel would overwrite each other's)."
                        + " Fix: make the field non-static, inject a test-method parameter, or use scope CLASS.");
            }
        }
    }

    private static List<Field> allFields(Class<?> testClass) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(0, List.of(c.getDeclaredFields()));
        }
        return fields;
    }
}
