package dev.flotilla.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks of {@link TopologyValidator} on a service run from a Testcontainers container object:
 * no other image source, and nothing declared that the container object configures itself.
 */
final class ContainerFactoryChecks {

    private ContainerFactoryChecks() {
    }

    static void check(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        String where = origin.service(service.name(), "factory");
        ContainerFactorySpec factory = service.container().orElseThrow();
        if (!service.image().isEmpty() || service.javaApp().isPresent() || service.build().isPresent()) {
            problems.add(where, "sets a container factory (" + factory + ") and also an image, javaApp or build",
                    "keep one: the factory's container object names its own image");
        }
        List<String> declared = new ArrayList<>();
        if (!service.ports().isEmpty() || !service.fixedPorts().isEmpty()) {
            declared.add("ports");
        }
        if (!service.env().isEmpty() || !service.secrets().isEmpty()) {
            declared.add("env or secrets");
        }
        if (!service.command().isEmpty() || !service.entrypoint().isEmpty()) {
            declared.add("command or entrypoint");
        }
        if (!service.waitFor().isEmpty()) {
            declared.add("waitFor");
        }
        if (!service.files().isEmpty() || service.memoryBytes() > 0 || service.bindAddress().isPresent() || service.job()) {
            declared.add("files, memory, bindAddress or job");
        }
        if (!declared.isEmpty()) {
            problems.add(where, "service \"" + service.name() + "\" comes from a container factory (" + factory + ") and also declares "
                    + String.join(", ", declared), "configure these on the container object in the factory (withExposedPorts, withEnv,"
                    + " withCommand, waitingFor...); Flotilla adds only the network, the aliases, labels and dependencies");
        }
    }
}
