package dev.flotilla.engine;

import java.util.List;

import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.TmpfsOptions;
import dev.flotilla.model.HealthCheckSpec;
import dev.flotilla.model.VolumeMount;

/** Docker's form of a service's mounts and health check. */
final class ContainerStorage {

    private ContainerStorage() {
    }

    /** The mounts of a service in the instance of those names (which name its volumes). */
    static List<Mount> mounts(List<VolumeMount> mounts, InstanceNames names) {
        return mounts.stream().map(m -> mount(m, names)).toList();
    }

    private static Mount mount(VolumeMount declared, InstanceNames names) {
        Mount mount = new Mount().withTarget(declared.target()).withReadOnly(declared.readOnly());
        return switch (declared.type()) {
            case BIND -> mount.withType(MountType.BIND).withSource(declared.source());
            case VOLUME -> declared.isNamedVolume()
                    ? mount.withType(MountType.VOLUME).withSource(names.volume(declared.source()))
                    : mount.withType(MountType.VOLUME);
            case TMPFS -> declared.tmpfsSizeBytes() > 0
                    ? mount.withType(MountType.TMPFS).withTmpfsOptions(new TmpfsOptions().withSizeBytes(declared.tmpfsSizeBytes()))
                    : mount.withType(MountType.TMPFS);
        };
    }

    /** Docker's health check settings for a declared one. */
    static HealthCheck healthCheck(HealthCheckSpec spec) {
        if (spec.disabled()) {
            return new HealthCheck().withTest(List.of("NONE"));
        }
        return new HealthCheck()
                .withTest(spec.test())
                .withInterval(spec.interval().toNanos())
                .withTimeout(spec.timeout().toNanos())
                .withRetries(spec.retries())
                .withStartPeriod(spec.startPeriod().toNanos());
    }
}
