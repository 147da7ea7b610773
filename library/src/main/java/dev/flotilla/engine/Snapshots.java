package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.flotilla.ServiceStartException;
import dev.flotilla.model.FileCopy;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.SnapshotChecks;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.model.VolumeMount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of prepared state: a service marked {@code snapshot}, once the one-shot jobs that
 * depend on it have run, is stopped and kept, container and volumes, as an image tagged by a hash
 * of its declaration, of its jobs' and of their images and files. A later start of an equal
 * declaration starts the service from that image and leaves the jobs out.
 */
final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    /** On a snapshot image: the hash it was taken for. */
    static final String LABEL = "dev.flotilla.snapshot";
    /** On a snapshot image: the service and topology it was taken of, for people and tests. */
    static final String SERVICE_LABEL = "dev.flotilla.snapshot.service";
    static final String TOPOLOGY_LABEL = "dev.flotilla.snapshot.topology";
    private static final String REPOSITORY = "flotilla-snapshot";
    private static final String FORMAT = "flotilla-snapshot-1";
    /** As long as a test's stop gives a container: a database writes what it holds before it stops. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int TAG_HASH_LENGTH = 24;
    /** Numbers this JVM's commits, for their names. */
    private static final AtomicInteger COMMITS = new AtomicInteger();

    /** A snapshot to take in this start: of {@code service}, once {@code preparers} have completed. */
    record Pending(String service, List<String> preparers, String key, String tag) {
    }

    /**
     * What a start does with snapshots.
     *
     * @param spec the topology to start: without the jobs whose work a snapshot holds
     * @param restored the services started from a snapshot, with its image
     * @param toTake the snapshots to take, by service
     */
    record Plan(TopologySpec spec, Map<String, String> restored, Map<String, Pending> toTake) {
    }

    private Snapshots() {
    }

    /** Finds, for each service marked {@code snapshot}, whether its snapshot exists; leaves out the jobs it makes unneeded. */
    static Plan plan(DockerEngine docker, TopologySpec spec, Map<String, String> builtImages) {
        Map<String, String> restored = new LinkedHashMap<>();
        Map<String, Pending> toTake = new LinkedHashMap<>();
        List<ServiceSpec> marked = spec.services().stream().filter(ServiceSpec::snapshot).toList();
        if (marked.isEmpty()) {
            return new Plan(spec, restored, toTake);
        }
        if (!FlotillaSettings.get().snapshotsEnabled()) {
            LOG.info("Snapshots are off ({}=off): every service marked snapshot is prepared by its jobs", FlotillaSettings.SNAPSHOTS);
            return new Plan(spec, restored, toTake);
        }
        for (ServiceSpec service : marked) {
            List<String> preparers = SnapshotChecks.preparers(spec, service.name());
            String key = key(docker, spec, service, preparers, builtImages);
            String tag = REPOSITORY + "/" + ImageBuild.repositoryName(service.name()) + ":" + key.substring(0, TAG_HASH_LENGTH);
            if (exists(docker.client(), tag)) {
                restored.put(service.name(), tag);
                LOG.info("Service {} starts from its snapshot {}; {} prepared it and do(es) not run", service.name(), tag, preparers);
            } else {
                toTake.put(service.name(), new Pending(service.name(), preparers, key, tag));
            }
        }
        return new Plan(withoutPreparers(spec, restored.keySet()), restored, toTake);
    }

    /** The topology without the jobs of restored services; what depended on a job depends on the service instead. */
    private static TopologySpec withoutPreparers(TopologySpec spec, Set<String> restored) {
        Map<String, String> skipped = new LinkedHashMap<>();
        restored.forEach(service -> SnapshotChecks.preparers(spec, service).forEach(job -> skipped.put(job, service)));
        if (skipped.isEmpty()) {
            return spec;
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec service : spec.services()) {
            if (skipped.containsKey(service.name())) {
                continue;
            }
            Set<String> dependsOn = new LinkedHashSet<>();
            service.dependsOn().forEach(dependency -> dependsOn.add(skipped.getOrDefault(dependency, dependency)));
            services.add(service.toBuilder().dependsOn(List.copyOf(dependsOn)).build());
        }
        return new TopologySpec(spec.name(), spec.pullPolicy(), services, spec.reuse(), spec.proxiedLinks());
    }

    /**
     * Takes the snapshot: stops the service, keeps its container as an image and its volumes' content
     * in that image (where Docker copies it into each new container's volume), then starts it again.
     */
    static void take(StartedTopology topology, Pending pending, BooleanSupplier aborted) {
        ServiceContainer container = topology.container(pending.service());
        DockerClient client = container.docker().client();
        Instant began = Instant.now();
        String step = "snapshot " + pending.tag();
        try {
            container.stop(STOP_GRACE);
            InspectContainerResponse inspection = container.inspect();
            List<String> volumePaths = inspection.getMounts() == null ? List.of() : inspection.getMounts().stream()
                    .filter(m -> m.getName() != null && !m.getName().isEmpty() && m.getDestination() != null)
                    .map(m -> m.getDestination().getPath()).toList();
            String committed = commit(client, container.containerId(), pending.tag());
            try {
                SnapshotContext context = SnapshotContext.of(client, container.containerId(), committed, volumePaths,
                        Map.of(LABEL, pending.key(), SERVICE_LABEL, pending.service(), TOPOLOGY_LABEL, topology.spec().name()));
                try {
                    ImageBuild.run(container.docker(), pending.service(), pending.tag(), context);
                } finally {
                    context.delete();
                }
            } finally {
                untag(client, committed);
            }
            container.record().phase(step, began, Phase.OK);
            topology.snapshotImage(pending.service(), pending.tag());
            LOG.info("Kept a snapshot of service {} after {}: {} ({} volume(s)); later starts begin from it", pending.service(),
                    pending.preparers(), pending.tag(), volumePaths.size());
        } catch (IOException | RuntimeException e) {
            container.record().phase(step, began, "failed: " + e.getMessage());
            throw new ServiceStartException(pending.service(), "Service \"" + pending.service() + "\" could not be kept as a snapshot: "
                    + e.getMessage(), e);
        }
        ServiceStart.run(topology, container, aborted);
    }

    /**
     * Keeps the stopped container as an image under a name of its own, for the snapshot's build to start
     * {@code FROM}; returns that name. Named, not left untagged: on Podman 4.3 the untagged commit was
     * at times gone by the time of the build ("creating build container: (id): image not known") while
     * other JVMs ran; named, it never was (10 rounds of 10). The likely cause, shown to happen there: without
     * Ryuk, every JVM that used Testcontainers prunes at its exit the dangling images labelled
     * {@code org.testcontainers=true} and its own session, and Podman 4.3 takes those two label filters as
     * alternatives, so it pruned every dangling image with the first label, this commit (which has the
     * container's labels) included. A prune leaves named images alone. The name is this JVM's and this
     * snapshot's alone, so that two JVMs taking the same snapshot at once do not take each other's.
     */
    private static String commit(DockerClient client, String containerId, String snapshotTag) {
        int colon = snapshotTag.lastIndexOf(':');
        String repository = snapshotTag.substring(0, colon);
        String tag = snapshotTag.substring(colon + 1) + "-committed-" + Labels.SESSION_ID.substring(0, 8)
                + "-" + COMMITS.incrementAndGet();
        client.commitCmd(containerId).withRepository(repository).withTag(tag).exec();
        return repository + ":" + tag;
    }

    /** Removes the committed image's name; its layers stay as long as the snapshot image uses them. */
    private static void untag(DockerClient client, String committed) {
        try {
            client.removeImageCmd(committed).exec();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the name {} of a snapshot's committed container: {}", committed, e.getMessage());
        }
    }

    /** Removes snapshot images taken longer than {@code timeToLive} ago; one in use stays. Returns how many it removed. */
    static int sweepExpired(DockerClient client, Duration timeToLive) {
        Instant oldest = Instant.now().minus(timeToLive);
        int removed = 0;
        for (Image image : client.listImagesCmd().withLabelFilter(LABEL).exec()) {
            if (image.getCreated() != null && Instant.ofEpochSecond(image.getCreated()).isBefore(oldest)) {
                try {
                    client.removeImageCmd(image.getId()).withForce(true).exec();
                    removed++;
                } catch (RuntimeException e) {
                    LOG.debug("Could not remove snapshot image {} (in use?): {}", image.getId(), e.getMessage());
                }
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} snapshot image(s) taken more than {} ago", removed, Durations.took(timeToLive));
        }
        return removed;
    }

    private static boolean exists(DockerClient client, String tag) {
        try {
            client.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The hash a snapshot is taken for: the service's and its jobs' declarations, images and files. */
    private static String key(DockerEngine docker, TopologySpec spec, ServiceSpec service, List<String> preparers, Map<String, String> builtImages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, FORMAT);
            List<ServiceSpec> inputs = new ArrayList<>();
            inputs.add(service);
            preparers.forEach(job -> inputs.add(spec.service(job).orElseThrow()));
            for (ServiceSpec input : inputs) {
                update(digest, input.toString());
                String image = builtImages.getOrDefault(input.name(), input.image());
                update(digest, docker.client().inspectImageCmd(image).exec().getId());
                for (FileCopy file : input.files()) {
                    update(digest, file.source());
                    digest.update(ServiceContainer.readSource(file.source()));
                }
                for (VolumeMount mount : input.mounts()) {
                    if (mount.type() == VolumeMount.Type.BIND) {
                        contentOf(Path.of(mount.source()), digest);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void contentOf(Path source, MessageDigest digest) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.sorted().toList()) {
                update(digest, source.relativize(path).toString());
                if (Files.isRegularFile(path)) {
                    try (InputStream in = Files.newInputStream(path)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source + " for the snapshot's hash", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
