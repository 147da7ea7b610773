package dev.flotilla.bench;

import java.util.List;

import org.testcontainers.containers.GenericContainer;

/** Testcontainers as {@code @Testcontainers} uses it by default: {@code start()} one container after another. */
final class TestcontainersSequential implements Contender {

    @Override
    public String name() {
        return "TC start() one by one";
    }

    @Override
    public Deployment start(Scenario scenario, List<String> command) {
        TestcontainersTopology topology = new TestcontainersTopology(scenario, command, false);
        try {
            // Scenario lists services after their dependencies, so list order is a valid start order.
            topology.containers().forEach(GenericContainer::start);
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
        return topology;
    }
}
