package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code docker} commands that remove what a failed teardown left, for its message: only the kinds
 * of resource whose removal failed. Containers and volumes carry the instance's label; networks are
 * named, because a network handed on between topologies carries no instance's label.
 */
final class LeftoverCommands {

    private LeftoverCommands() {
    }

    /**
     * The commands, joined by {@code "; "}, or an empty string if nothing failed.
     *
     * @param instanceId the topology instance, whose label its containers and volumes carry
     * @param containers whether removing a container failed
     * @param networks the networks whose removal failed, by name
     * @param volumes whether removing a volume failed
     */
    static String of(String instanceId, boolean containers, List<String> networks, boolean volumes) {
        String label = Labels.TOPOLOGY + "=" + instanceId;
        List<String> commands = new ArrayList<>();
        if (containers) {
            commands.add("docker rm -f $(docker ps -aq --filter label=" + label + ")");
        }
        if (!networks.isEmpty()) {
            // A network still used by a container that is not the topology's cannot go before that container does.
            commands.add("docker network rm " + String.join(" ", networks));
        }
        if (volumes) {
            commands.add("docker volume rm $(docker volume ls -q --filter label=" + label + ")");
        }
        return String.join("; ", commands);
    }
}
