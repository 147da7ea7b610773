package dev.flotilla.bench;

import java.util.List;

import org.testcontainers.lifecycle.Startables;

/** Testcontainers' parallel start: {@code Startables.deepStart}, with {@code dependsOn} declared. */
final class TestcontainersParallel implements Contender {

    @Override
    public String name() {
        return "TC deepStart";
    }

    @Override
    public Deployment start(Scenario scenario, List<String> command) {
        TestcontainersTopology topology = new TestcontainersTopology(scenario, command, true);
        try {
            Startables.deepStart(topology.containers()).join();
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
        return topology;
    }
}
