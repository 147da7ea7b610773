package dev.flotilla.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;

/** Removal of containers, networks and volumes, where "already gone" (or going) counts as done. */
final class DockerRemoval {

    private static final int NETWORK_REMOVE_ATTEMPTS = 10;

    private DockerRemoval() {
    }

    /** Force-removes a container and its anonymous volumes; false if it was gone already, or someone else is removing it. */
    static boolean container(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (ConflictException e) {
            // At JVM exit, Testcontainers' own shutdown hook (where Ryuk is off) removes the containers
            // carrying its session label, Flotilla's among them, at the same moment as Flotilla does.
            if (String.valueOf(e.getMessage()).contains("already in progress")) {
                return false;
            }
            throw e;
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

    /**
     * Removes a network that containers removed a moment ago may still be leaving: an endpoint
     * still detaching (409), or a container that someone else is removing (Testcontainers' exit
     * hook, at the JVM's exit) still attached (403, "active endpoints"), is waited for a little.
     */
    static void networkOnceLeft(DockerClient client, String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                network(client, id);
                return;
            } catch (DockerException e) {
                boolean mayPass = e instanceof ConflictException || String.valueOf(e.getMessage()).contains("active endpoints");
                if (!mayPass || attempt == NETWORK_REMOVE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Removes a volume; false if it was gone already. */
    static boolean volume(DockerClient client, String name) {
        try {
            client.removeVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
