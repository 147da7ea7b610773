package dev.flotilla.engine;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The directories and jars of this JVM's class path, in class path order, as the application
 * sees them: {@code java.class.path}, with the {@code Class-Path} of manifest-only jars (Maven
 * Surefire's booter jar) put in their place, followed by the entries of the
 * {@link URLClassLoader}s between the calling thread's context class loader and the system class
 * loader ({@code exec:java}, IDE runners). Entries that do not exist or belong to the JDK are left out.
 */
final class ClassPathEntries {

    private ClassPathEntries() {
    }

    /** The class path of this JVM, seen from the calling thread. */
    static List<Path> current() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry), entries, new LinkedHashSet<>());
            }
        }
        for (ClassLoader loader : urlLoadersOutermostFirst(Thread.currentThread().getContextClassLoader())) {
            for (URL url : ((URLClassLoader) loader).getURLs()) {
                toPath(url.toString()).ifPresent(path -> add(path, entries, new LinkedHashSet<>()));
            }
        }
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        entries.removeIf(path -> path.startsWith(javaHome));
        return List.copyOf(entries);
    }

    private static List<ClassLoader> urlLoadersOutermostFirst(ClassLoader context) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        List<ClassLoader> loaders = new ArrayList<>();
        for (ClassLoader loader = context; loader != null && loader != system; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader) {
                loaders.add(loader);
            }
        }
        Collections.reverse(loaders);
        return loaders;
    }

    private static void add(Path entry, Set<Path> entries, Set<Path> visiting) {
        Path path = entry.toAbsolutePath().normalize();
        if (!Files.exists(path) || !visiting.add(path)) {
            return;
        }
        if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
            List<Path> manifestClassPath = manifestClassPath(path);
            for (Path referenced : manifestClassPath) {
                add(referenced, entries, visiting);
            }
            if (!manifestClassPath.isEmpty() && isManifestOnly(path)) {
                // A booter jar such as Surefire's: its Class-Path is the class path, it holds nothing itself.
                return;
            }
        }
        entries.add(path);
    }

    /** The entries a jar's manifest names in {@code Class-Path}, resolved against the jar's location. */
    static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            URI base = jar.toUri();
            List<Path> paths = new ArrayList<>();
            for (String reference : classPath.trim().split("\\s+")) {
                try {
                    // Class-Path entries are URLs, relative to the jar or absolute.
                    toPath(base.resolve(reference).toString()).ifPresent(paths::add);
                } catch (IllegalArgumentException e) {
                    // not a URL: the JVM ignores it too
                }
            }
            return paths;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static boolean isManifestOnly(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().allMatch(e -> e.getName().startsWith("META-INF/"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> toPath(String url) {
        try {
            URI uri = new URI(url);
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
