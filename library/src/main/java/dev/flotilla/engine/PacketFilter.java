package dev.flotilla.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.flotilla.FlotillaException;

/**
 * Cuts links with the kernel's packet filter in a service's own network namespace: a short-lived
 * helper container ({@link FlotillaSettings#faultsImage()}) shares the namespace, holds
 * {@code NET_ADMIN} and runs {@code iptables}. Flotilla's rules live in a chain of their own,
 * {@value #CHAIN}, which is removed with its last rule, so that nothing is left once every cut is
 * healed. The helper carries the topology's labels, so that a crash leaves it to the sweeps.
 */
final class PacketFilter {

    static final String CHAIN = "FLOTILLA-FAULTS";
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(60);

    private PacketFilter() {
    }

    /** Drops packets as {@code rules} say (each {@code iptables} rule arguments after the chain) in {@code target}'s namespace. */
    static void add(StartedTopology topology, ServiceContainer target, List<String> rules) {
        StringBuilder script = new StringBuilder("set -e\n")
                .append("iptables -w -N ").append(CHAIN).append(" 2>/dev/null || true\n")
                .append("iptables -w -C INPUT -j ").append(CHAIN).append(" 2>/dev/null || iptables -w -I INPUT -j ").append(CHAIN).append('\n')
                .append("iptables -w -C OUTPUT -j ").append(CHAIN).append(" 2>/dev/null || iptables -w -I OUTPUT -j ").append(CHAIN).append('\n');
        rules.forEach(rule -> script.append("iptables -w -A ").append(CHAIN).append(' ').append(rule).append('\n'));
        run(topology, target, script.toString(), "cut");
    }

    /**
     * Removes {@code rules}; the chain goes too once it has no rule left. A container that stopped
     * meanwhile lost its network namespace, rules included: nothing is left to remove.
     */
    static void remove(StartedTopology topology, ServiceContainer target, List<String> rules) {
        if (!target.isRunning()) {
            return;
        }
        StringBuilder script = new StringBuilder();
        rules.forEach(rule -> script.append("iptables -w -D ").append(CHAIN).append(' ').append(rule).append(" || true\n"));
        script.append("if [ \"$(iptables -w -S ").append(CHAIN).append(" | wc -l)\" -le 1 ]; then\n")
                .append("  iptables -w -D INPUT -j ").append(CHAIN).append(" 2>/dev/null || true\n")
                .append("  iptables -w -D OUTPUT -j ").append(CHAIN).append(" 2>/dev/null || true\n")
                .append("  iptables -w -X ").append(CHAIN).append(" 2>/dev/null || true\n")
                .append("fi\n");
        run(topology, target, script.toString(), "heal the cut");
    }

    /** Every rule of the packet filter in {@code target}'s namespace, as {@code iptables -S} prints them. */
    static String rules(StartedTopology topology, ServiceContainer target) {
        return run(topology, target, "iptables -w -S", "list the packet filter's rules");
    }

    private static String run(StartedTopology topology, ServiceContainer target, String script, String what) {
        if (!target.isRunning()) {
            throw new FlotillaException("Cannot " + what + " for service \"" + target.name() + "\": " + target.describeState()
                    + ". Fix: start it first; a stopped container has no network to cut.");
        }
        DockerEngine docker = target.docker();
        String image = FlotillaSettings.get().faultsImage();
        ImagePuller.ensureImage(docker, image);
        DockerClient client = docker.client();
        Map<String, String> labels = new HashMap<>(topology.labels());
        labels.put(Labels.SERVICE, "flotilla-faults");
        String id;
        try (CreateContainerCmd create = client.createContainerCmd(image)) {
            id = create.withLabels(labels)
                    .withEntrypoint("sh", "-c", script)
                    .withHostConfig(HostConfig.newHostConfig()
                            .withNetworkMode("container:" + target.containerId())
                            .withCapAdd(Capability.NET_ADMIN))
                    .exec().getId();
        }
        try {
            client.startContainerCmd(id).exec();
            Integer exit = client.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(HELPER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String output = HelperOutput.of(client, id);
            if (exit == null || exit != 0) {
                throw new FlotillaException("Could not " + what + " for service \"" + target.name() + "\": the packet filter helper ("
                        + image + ", sharing the service's network namespace with NET_ADMIN) ended with exit code " + exit + ": "
                        + output.strip() + ". " + fix(output));
            }
            return output;
        } finally {
            DockerRemoval.container(client, id);
        }
    }

    private static String fix(String output) {
        if (output.contains("Permission denied") || output.contains("Operation not permitted") || output.contains("you must be root")) {
            return "The engine refuses NET_ADMIN to containers (rootless engines do). Fix: cut the link through its proxy instead:"
                    + " declare @ProxiedLink(from = ..., to = ...) on the topology (or use a @Fault on the test method), then cut it.";
        }
        return "Fix: the image set by " + FlotillaSettings.FAULTS_IMAGE + " must have sh and iptables.";
    }

    /** The rule arguments that drop packets between this side and {@code peerAddress}, as the direction says. */
    static List<String> dropRules(String peerAddress, boolean incoming, boolean outgoing, String tag) {
        List<String> rules = new ArrayList<>();
        if (incoming) {
            rules.add("-s " + peerAddress + "/32 -m comment --comment " + tag + " -j DROP");
        }
        if (outgoing) {
            rules.add("-d " + peerAddress + "/32 -m comment --comment " + tag + " -j DROP");
        }
        return rules;
    }
}
