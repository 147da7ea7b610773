package com.example.junitrange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.flotilla.ServiceHandle;
import org.testcontainers.DockerClientFactory;

/** Asks the Docker engine itself (through Testcontainers' client), never Flotilla, what exists. */
final class Docker {

    /** The label whose value is one running instance of a topology. */
    static final String INSTANCE = "dev.flotilla.topology";

    private Docker() {
    }

    static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    /** The topology instance a service's container belongs to, read from the container's labels. */
    static String instanceOf(ServiceHandle service) {
        Map<String, String> labels = client().inspectContainerCmd(service.containerId()).exec().getConfig().getLabels();
        assertThat(labels).as("labels of container %s", service.containerId()).containsKey(INSTANCE);
        return labels.get(INSTANCE);
    }

    /** Every container of an instance, running or not, as "name (state)". */
    static List<String> containersOf(String instance) {
        return client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(INSTANCE, instance)).exec().stream()
                .map(Docker::describe)
                .toList();
    }

    /** The networks of an instance, by name. */
    static List<String> networksOf(String instance) {
        return client().listNetworksCmd().withFilter("label", List.of(INSTANCE + "=" + instance)).exec().stream()
                .map(network -> network.getName())
                .toList();
    }

    /** Fails unless Docker holds no container and no network of the instance. */
    static void assertGone(String instance, String because) {
        assertThat(containersOf(instance)).as("containers of instance %s %s", instance, because).isEmpty();
        assertThat(networksOf(instance)).as("networks of instance %s %s", instance, because).isEmpty();
    }

    /** Fails unless every container of the instance is running. */
    static void assertRunning(String instance, String because) {
        assertThat(containersOf(instance)).as("containers of instance %s %s", instance, because)
                .isNotEmpty()
                .allMatch(container -> container.endsWith("(running)"));
    }

    private static String describe(Container container) {
        return String.join(",", container.getNames()) + " (" + container.getState() + ")";
    }
}
