package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.model.VolumeMount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named volumes of a topology instance: each volume its services mount by name is a Docker
 * volume of its own per instance, labelled like the instance's network, so that it is removed with
 * the instance, swept with a dead session's containers and never shared between parallel runs.
 */
final class TopologyVolumes {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyVolumes.class);

    private TopologyVolumes() {
    }

    /** The topology's volume names that its services mount, in declaration order. */
    static Set<String> declared(TopologySpec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (ServiceSpec service : spec.services()) {
            service.mounts().stream().filter(VolumeMount::isNamedVolume).forEach(m -> names.add(m.source()));
        }
        return names;
    }

    /** Creates the instance's volumes with its labels (before any container mounts one, so that none is made unlabelled). */
    static void create(DockerClient client, TopologySpec spec, InstanceNames names, Map<String, String> labels) {
        for (String volume : declared(spec)) {
            createOne(client, names.volume(volume), labels);
        }
    }

    /** Creates one volume of an instance whose containers and network carry {@code instanceLabels}. */
    static void createOne(DockerClient client, String dockerName, Map<String, String> instanceLabels) {
        client.createVolumeCmd().withName(dockerName).withLabels(withoutTestcontainersLabels(instanceLabels)).exec();
    }

    /**
     * The instance's labels less Testcontainers' own ({@code org.testcontainers*}). Without Ryuk, every JVM
     * that used Testcontainers prunes at its exit the unused volumes labelled {@code org.testcontainers=true}
     * and its own session. Podman 4.3 matches a volume prune's label filters as alternatives (Docker
     * requires them all), so there any JVM's exit removed every unused volume carrying the first label:
     * another JVM's volume created a moment before its container, which the container's create then made
     * anew, unlabelled. Flotilla removes its volumes itself: with the instance, and by its session label
     * after a crash.
     */
    private static Map<String, String> withoutTestcontainersLabels(Map<String, String> instanceLabels) {
        Map<String, String> labels = new HashMap<>(instanceLabels);
        labels.keySet().removeIf(key -> key.startsWith("org.testcontainers"));
        return labels;
    }

    /** Removes the instance's volumes, after its containers; returns the failures. */
    static List<RuntimeException> remove(DockerClient client, TopologySpec spec, InstanceNames names) {
        List<RuntimeException> failures = new ArrayList<>();
        for (String volume : declared(spec)) {
            try {
                DockerRemoval.volume(client, names.volume(volume));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /** Removes the volumes carrying {@code labelFilter} whose labels {@code doomed} accepts; returns how many. */
    static int removeLabelled(DockerClient client, String labelFilter, Predicate<Map<String, String>> doomed) {
        List<InspectVolumeResponse> volumes = client.listVolumesCmd().withFilter("label", List.of(labelFilter)).exec().getVolumes();
        int removed = 0;
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            if (volume.getLabels() != null && doomed.test(volume.getLabels())) {
                try {
                    removed += DockerRemoval.volume(client, volume.getName()) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove volume {}", volume.getName(), e);
                }
            }
        }
        return removed;
    }
}
