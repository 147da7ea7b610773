package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import dev.flotilla.model.VolumeMount;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Bind mounts on an engine that does not share this machine's files (a remote engine, a CI
 * {@code docker:dind} service, an engine reached from inside a container): a host path there is
 * the engine host's, not this one's, so Flotilla copies the file or directory into the container
 * before it starts instead. The container sees the content; what it writes stays in it.
 */
final class BindCopies {

    private BindCopies() {
    }

    /** The mounts the engine can make: all of them on a local engine; all but bind mounts on another. */
    static List<VolumeMount> mountable(List<VolumeMount> mounts, boolean localEngine) {
        return localEngine ? mounts : mounts.stream().filter(m -> m.type() != VolumeMount.Type.BIND).toList();
    }

    /** The bind mounts to copy in instead: none on a local engine. */
    static List<VolumeMount> copied(List<VolumeMount> mounts, boolean localEngine) {
        return localEngine ? List.of() : mounts.stream().filter(m -> m.type() == VolumeMount.Type.BIND).toList();
    }

    /** Copies each bind mount's source to its target in the created container. */
    static void copyIn(DockerClient client, String containerId, List<VolumeMount> binds) {
        for (VolumeMount bind : binds) {
            client.copyArchiveToContainerCmd(containerId).withRemotePath("/")
                    .withTarInputStream(new ByteArrayInputStream(tar(Path.of(bind.source()), bind.target().substring(1))))
                    .exec();
        }
    }

    private static byte[] tar(Path source, String target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes); Stream<Path> paths = Files.walk(source)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path path : paths.toList()) {
                String relative = source.relativize(path).toString();
                String name = relative.isEmpty() ? target : target + "/" + relative;
                boolean directory = Files.isDirectory(path);
                TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name);
                // Executable bits matter (entry-point scripts, init scripts); other permission bits are the usual ones.
                entry.setMode(directory || Files.isExecutable(path) ? 0755 : 0644);
                if (!directory) {
                    entry.setSize(Files.size(path));
                }
                tar.putArchiveEntry(entry);
                if (!directory) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source + " to copy it into the container", e);
        }
        return bytes.toByteArray();
    }
}
