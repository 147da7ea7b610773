package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context of a snapshot image: a Dockerfile {@code FROM} the committed container, and
 * each volume's content as a tar that {@code ADD} unpacks where the volume is mounted, owners and
 * modes kept. Docker copies an image's content into a new container's empty volume at that path.
 */
final class SnapshotContext implements BuildContext {

    private final String dockerfile;
    private final List<Path> volumeArchives;

    private SnapshotContext(String dockerfile, List<Path> volumeArchives) {
        this.dockerfile = dockerfile;
        this.volumeArchives = volumeArchives;
    }

    /** Copies each volume's content out of the (stopped) container into a temporary file. */
    static SnapshotContext of(DockerClient client, String containerId, String committedImage, List<String> volumePaths,
                              Map<String, String> labels) throws IOException {
        StringBuilder dockerfile = new StringBuilder("FROM ").append(committedImage).append('\n');
        labels.forEach((key, value) -> dockerfile.append("LABEL ").append(key).append("=\"").append(value).append("\"\n"));
        List<Path> archives = new ArrayList<>();
        try {
            for (int i = 0; i < volumePaths.size(); i++) {
                Path archive = Files.createTempFile("flotilla-snapshot-volume-", ".tar");
                archives.add(archive);
                String directory = Path.of(volumePaths.get(i)).getFileName().toString();
                try (InputStream in = client.copyArchiveFromContainerCmd(containerId, volumePaths.get(i)).exec();
                        OutputStream out = Files.newOutputStream(archive)) {
                    rootedAt(directory, in, out);
                }
                // The archive holds the volume's directory by its own name: unpacked in its parent.
                String parent = Path.of(volumePaths.get(i)).getParent() == null ? "/" : Path.of(volumePaths.get(i)).getParent() + "/";
                dockerfile.append("ADD volume-").append(i).append(".tar ").append(parent).append('\n');
            }
        } catch (IOException | RuntimeException e) {
            for (Path archive : archives) {
                Files.deleteIfExists(archive);
            }
            throw e;
        }
        return new SnapshotContext(dockerfile.toString(), archives);
    }

    /**
     * Copies a volume's archive with every entry under {@code directory}/: Docker names them so
     * ({@code data/PG_VERSION}), Podman names them from the volume's own root ({@code /PG_VERSION}).
     * Owners, modes and links are kept.
     */
    private static void rootedAt(String directory, InputStream in, OutputStream out) throws IOException {
        TarArchiveInputStream archive = new TarArchiveInputStream(in);
        TarArchiveOutputStream rooted = new TarArchiveOutputStream(out);
        rooted.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        rooted.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
            String name = entry.getName().replaceFirst("^/+", "").replaceFirst("^\\./", "");
            if (!(name.equals(directory) || name.equals(directory + "/") || name.startsWith(directory + "/"))) {
                name = name.isEmpty() ? directory + "/" : directory + "/" + name;
            }
            entry.setName(name);
            rooted.putArchiveEntry(entry);
            if (entry.isFile()) {
                archive.transferTo(rooted);
            }
            rooted.closeArchiveEntry();
        }
        rooted.finish();
    }

    @Override
    public void writeContext(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        byte[] recipe = dockerfile.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
        entry.setSize(recipe.length);
        tar.putArchiveEntry(entry);
        tar.write(recipe);
        tar.closeArchiveEntry();
        for (int i = 0; i < volumeArchives.size(); i++) {
            TarArchiveEntry volume = new TarArchiveEntry("volume-" + i + ".tar");
            volume.setSize(Files.size(volumeArchives.get(i)));
            tar.putArchiveEntry(volume);
            Files.copy(volumeArchives.get(i), tar);
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    @Override
    public String summary() {
        return "a snapshot of a container and " + volumeArchives.size() + " volume(s)";
    }

    /** Removes the temporary copies of the volumes. */
    void delete() throws IOException {
        for (Path archive : volumeArchives) {
            Files.deleteIfExists(archive);
        }
    }
}
