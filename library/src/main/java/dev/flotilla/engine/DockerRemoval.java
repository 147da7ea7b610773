package dev.flotilla.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/** Removal of containers and networks, where "already gone" counts as done. */
final class DockerRemoval {

    private DockerRemoval() {
    }

    /** Force-removes a container and its anonymous volumes; false if it was gone already. */
    static boolean container(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Removes a network; false if it was gone already. */
    static boolean network(DockerClient client, String id) {
        try {
            client.removeNetworkCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
