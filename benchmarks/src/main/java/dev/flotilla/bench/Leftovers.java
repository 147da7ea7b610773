package dev.flotilla.bench;

import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import org.testcontainers.DockerClientFactory;

/**
 * Removes whatever this run left behind after a failure: containers and networks carrying this
 * run's label, and nothing else. Ryuk is off on the lab machine, so nobody else would.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** How many containers and networks were still there. */
    static int removeAll() {
        DockerClient docker = DockerClientFactory.instance().client();
        String filter = Busybox.LABEL + "=" + Busybox.RUN_ID;
        List<Container> containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(filter)).exec();
        for (Container container : containers) {
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        List<Network> networks = docker.listNetworksCmd().withFilter("label", List.of(filter)).exec();
        for (Network network : networks) {
            docker.removeNetworkCmd(network.getId()).exec();
        }
        return containers.size() + networks.size();
    }
}
