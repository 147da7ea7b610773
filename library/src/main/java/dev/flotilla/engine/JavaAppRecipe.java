package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.flotilla.model.JavaAppSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * What goes into the image of one Java application: the selected class path entries, each
 * copied to {@code /app/<index>-<file name>}, and a Dockerfile that runs the main class on them.
 * Its {@link #hash()} covers everything that ends up in the image and matters to the
 * application (for jars, the names and contents of their files, not their timestamps), so an
 * equal hash means an image that runs the same.
 */
final class JavaAppRecipe implements BuildContext {

    /** Jar hashes by path, size and modification time: jars rarely change between starts. */
    private static final Map<String, String> JAR_HASHES = new ConcurrentHashMap<>();
    private static final Date FIXED_TIME = new Date(0);

    private final JavaAppSpec app;
    private final List<Path> entries;
    private final List<String> targets;

    private JavaAppRecipe(JavaAppSpec app, List<Path> entries) {
        this.app = app;
        this.entries = entries;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            // Only characters that are safe in a -cp list and a Dockerfile.
            names.add(String.format("%02d-%s", i, entries.get(i).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")));
        }
        this.targets = names;
    }

    /**
     * The recipe for {@code app} over {@code classPath}, keeping the entries its globs select.
     *
     * @throws IllegalStateException if no entry is selected
     */
    static JavaAppRecipe of(JavaAppSpec app, List<Path> classPath) {
        List<Path> selected = classPath.stream().filter(entry -> selected(entry, app.classpath())).toList();
        if (selected.isEmpty()) {
            throw new IllegalStateException("its class path globs " + app.classpath() + " select none of the "
                    + classPath.size() + " entries of this JVM's class path " + shortList(classPath)
                    + ". Fix: write globs that match an entry's file name (such as \"classes\" or \"postgresql-*.jar\")"
                    + " or its absolute path (such as \"**/target/classes\")");
        }
        return new JavaAppRecipe(app, selected);
    }

    private static boolean selected(Path entry, List<String> globs) {
        if (globs.isEmpty()) {
            return true;
        }
        FileSystem fs = FileSystems.getDefault();
        for (String glob : globs) {
            PathMatcher matcher = fs.getPathMatcher("glob:" + glob);
            if (matcher.matches(entry) || (entry.getFileName() != null && matcher.matches(entry.getFileName()))) {
                return true;
            }
        }
        return false;
    }

    private static String shortList(List<Path> paths) {
        List<String> names = paths.stream().limit(8).map(Path::toString).toList();
        return names + (paths.size() > 8 ? " and " + (paths.size() - 8) + " more" : "");
    }

    /** The class path entries copied into the image. */
    List<Path> entries() {
        return entries;
    }

    /** The Dockerfile. */
    String dockerfile() {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("java");
        entrypoint.addAll(app.jvmArgs());
        entrypoint.add("-cp");
        entrypoint.add(String.join(":", targets.stream().map(t -> "/app/" + t).toList()));
        entrypoint.add(app.mainClass());
        return "FROM " + app.baseImage() + "\n"
                + "COPY app/ /app/\n"
                + "WORKDIR /app\n"
                + "ENTRYPOINT [" + String.join(", ", entrypoint.stream().map(JavaAppRecipe::jsonString).toList()) + "]\n";
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** SHA-256 over the Dockerfile and the name and content of every entry, in hex. */
    String hash() {
        MessageDigest digest = sha256();
        digest.update(dockerfile().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < entries.size(); i++) {
            digest.update(("\n" + targets.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(entryHash(entries.get(i)).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String entryHash(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                MessageDigest digest = sha256();
                for (Path file : filesOf(entry)) {
                    digest.update((entry.relativize(file).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
                    digest.update(fileHash(file).getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(digest.digest());
            }
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
            String key = entry + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
            return JAR_HASHES.computeIfAbsent(key, k -> entry.toString().endsWith(".jar") ? jarHash(entry) : fileHash(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read class path entry " + entry, e);
        }
    }

    /**
     * The names and contents of a jar's files, not its bytes: a jar packaged again from the same
     * classes (new timestamps, as {@code mvn package} makes) keeps its hash, and its image is reused.
     */
    private static String jarHash(Path jar) {
        MessageDigest digest = sha256();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> files = zip.stream().filter(e -> !e.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry file : files) {
                digest.update((file.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                MessageDigest content = sha256();
                try (InputStream in = zip.getInputStream(file)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        content.update(buffer, 0, n);
                    }
                }
                digest.update(content.digest());
            }
        } catch (IOException e) {
            // Not a readable zip: its bytes are its content.
            return fileHash(jar);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String fileHash(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> filesOf(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Writes the build context: the Dockerfile and every entry under {@code app/}. */
    @Override
    public String summary() {
        return "from " + entries.size() + " class path entries";
    }

    @Override
    public void writeContext(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] dockerfile = dockerfile().getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            entry.setModTime(FIXED_TIME);
            tar.putArchiveEntry(entry);
            tar.write(dockerfile);
            tar.closeArchiveEntry();
            for (int i = 0; i < entries.size(); i++) {
                Path source = entries.get(i);
                String target = "app/" + targets.get(i);
                if (Files.isDirectory(source)) {
                    for (Path file : filesOf(source)) {
                        putFile(tar, file, target + "/" + source.relativize(file).toString().replace('\\', '/'));
                    }
                } else {
                    putFile(tar, source, target);
                }
            }
            tar.finish();
        }
    }

    private static void putFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setMode(0644);
        // A fixed time: equal content gives an equal layer, which Docker's build cache can share.
        entry.setModTime(FIXED_TIME);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
