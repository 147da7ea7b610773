package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path a Java application image is built from, as the running tests see it. */
class ClassPathEntriesTest {

    @TempDir
    Path dir;

    @Test
    void theTestClassesAndTheLibraryAreOnTheClassPathAndNoBooterJarIs() throws Exception {
        Path library = Path.of(ClassPathEntries.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();

        assertThat(ClassPathEntries.current())
                .anyMatch(entry -> entry.endsWith("test-classes"))
                .contains(library)
                .noneMatch(entry -> entry.getFileName().toString().startsWith("surefirebooter"));
    }

    @Test
    void aManifestClassPathIsResolvedAgainstTheJarsLocation() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path classes = Files.createDirectories(dir.resolve("my classes"));
        Path booter = jarWithClassPath(dir.resolve("booter.jar"), "lib/ my%20classes/ " + dir.resolve("absent.jar").toUri());

        assertThat(ClassPathEntries.manifestClassPath(booter)).containsExactly(lib, classes, dir.resolve("absent.jar"));
    }

    private static Path jarWithClassPath(Path jar, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
