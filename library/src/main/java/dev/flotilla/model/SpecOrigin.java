package dev.flotilla.model;

import java.util.Map;

import org.apiguardian.api.API;

/**
 * Where a topology was declared, so that an error can point at the annotation or builder call
 * to fix. Kept apart from the model: two declarations of the same topology in different places
 * are still equal.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface SpecOrigin {

    /** Where the topology as a whole was declared. */
    String topology();

    /** Where an attribute of one service was declared. */
    String service(String serviceName, String attribute);

    /** A topology declared with {@code @Topology} and {@code @Service} annotations found on {@code source}. */
    static SpecOrigin annotations(Class<?> source) {
        String where = (source.isAnnotation() ? "@" + source.getName() : source.getName());
        return new SpecOrigin() {
            @Override
            public String topology() {
                return "@Topology on " + where;
            }

            @Override
            public String service(String serviceName, String attribute) {
                return "@Service(name = \"" + serviceName + "\")." + attribute + " on " + where;
            }
        };
    }

    /** A topology built with {@code Flotilla.topology(name)}. */
    static SpecOrigin code(String topologyName) {
        String where = "Flotilla.topology(\"" + topologyName + "\")";
        return new SpecOrigin() {
            @Override
            public String topology() {
                return where;
            }

            @Override
            public String service(String serviceName, String attribute) {
                return "service \"" + serviceName + "\" " + attribute + " in " + where;
            }
        };
    }

    /**
     * {@code base}, except that services read from compose files point at their file and line
     * ({@code declaredAt}, by service name).
     */
    static SpecOrigin composeFile(SpecOrigin base, Map<String, String> declaredAt) {
        return new SpecOrigin() {
            @Override
            public String topology() {
                return base.topology();
            }

            @Override
            public String service(String serviceName, String attribute) {
                String where = declaredAt.get(serviceName);
                return where == null ? base.service(serviceName, attribute)
                        : "compose service \"" + serviceName + "\" (" + attribute + ") at " + where;
            }
        };
    }
}
