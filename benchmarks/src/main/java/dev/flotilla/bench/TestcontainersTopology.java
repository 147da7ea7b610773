package dev.flotilla.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A scenario written the way a Testcontainers user writes it: one {@link GenericContainer} per
 * service on a shared {@link Network} with its name as alias, port 8080 exposed, and
 * {@code Wait.forHttp("/")} for the 404 of an empty httpd. Both Testcontainers contenders
 * build the same containers; they differ only in how they start them.
 */
final class TestcontainersTopology implements Contender.Deployment {

    private final Network network;
    private final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();

    /**
     * @param declareDependencies whether to declare {@code dependsOn} between containers, which
     *     {@code Startables.deepStart} needs and sequential starting in list order does not
     */
    TestcontainersTopology(Scenario scenario, List<String> command, boolean declareDependencies) {
        network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(Busybox.LABEL, Busybox.RUN_ID))).build();
        for (ServiceShape service : scenario.services()) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(Busybox.IMAGE))
                    .withNetwork(network)
                    .withNetworkAliases(service.name())
                    .withExposedPorts(Busybox.PORT)
                    .withCommand(command.toArray(String[]::new))
                    .withLabel(Busybox.LABEL, Busybox.RUN_ID)
                    .waitingFor(Wait.forHttp("/").forPort(Busybox.PORT).forStatusCode(Busybox.READY_STATUS));
            if (declareDependencies) {
                service.dependsOn().forEach(dependency -> container.dependsOn(containers.get(dependency)));
            }
            containers.put(service.name(), container);
        }
    }

    List<GenericContainer<?>> containers() {
        return new ArrayList<>(containers.values());
    }

    @Override
    public String address(String service) {
        GenericContainer<?> container = containers.get(service);
        return container.getHost() + ":" + container.getMappedPort(Busybox.PORT);
    }

    /** What the Testcontainers JUnit extension does: {@code stop()} each container in turn, then the network. */
    @Override
    public void close() {
        List<GenericContainer<?>> reversed = containers();
        java.util.Collections.reverse(reversed);
        reversed.forEach(GenericContainer::stop);
        network.close();
    }
}
