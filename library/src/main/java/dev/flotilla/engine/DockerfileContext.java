package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.flotilla.model.DockerBuildSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A service's own build context: the files of a directory (less what its {@code .dockerignore}
 * names, as simple globs), sent as a tar with fixed times, and hashed by their names, content and
 * executable bit, with the Dockerfile's path, the arguments and the target.
 */
final class DockerfileContext implements BuildContext {

    private static final Date FIXED_TIME = new Date(0);

    private final DockerBuildSpec build;
    private final Path root;
    private final List<Path> files;

    private DockerfileContext(DockerBuildSpec build, Path root, List<Path> files) {
        this.build = build;
        this.root = root;
        this.files = files;
    }

    /** The context of {@code build}, its files listed once, in a stable order. */
    static DockerfileContext of(DockerBuildSpec build) {
        Path root = Path.of(build.context()).toAbsolutePath().normalize();
        List<PathMatcher> ignored = ignoredPatterns(root);
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(file -> ignored.stream().noneMatch(m -> m.matches(root.relativize(file))))
                    .sorted()
                    .toList();
            return new DockerfileContext(build, root, files);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the build context " + root, e);
        }
    }

    private static List<PathMatcher> ignoredPatterns(Path root) {
        Path ignoreFile = root.resolve(".dockerignore");
        if (!Files.isRegularFile(ignoreFile)) {
            return List.of();
        }
        try {
            return Files.readAllLines(ignoreFile).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
                    .flatMap(glob -> Stream.of(glob, glob + "/**")) // a directory's name also stands for what is in it
                    .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.replaceFirst("^/", "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + ignoreFile, e);
        }
    }

    @Override
    public String dockerfilePath() {
        return build.dockerfile();
    }

    @Override
    public Map<String, String> args() {
        return build.args();
    }

    @Override
    public Optional<String> target() {
        return build.target();
    }

    @Override
    public String summary() {
        return "from " + files.size() + " files of " + root;
    }

    /** SHA-256 over every file's name, executable bit and content, the Dockerfile's path, the arguments and the target, in hex. */
    String hash() {
        MessageDigest digest = sha256();
        for (Path file : files) {
            digest.update((name(file) + (Files.isExecutable(file) ? " x" : " -") + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        digest.update(("\ndockerfile " + build.dockerfile() + "\nargs " + build.args() + "\ntarget " + build.target().orElse(""))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void writeContext(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(name(file));
                entry.setSize(Files.size(file));
                entry.setMode(Files.isExecutable(file) ? 0755 : 0644);
                // A fixed time: equal content gives equal layers, which Docker's build cache can share.
                entry.setModTime(FIXED_TIME);
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private String name(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
