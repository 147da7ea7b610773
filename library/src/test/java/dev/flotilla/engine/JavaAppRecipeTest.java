package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.flotilla.model.JavaAppSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Java application image holds, and when two of them count as the same. */
class JavaAppRecipeTest {

    private static final JavaAppSpec APP = new JavaAppSpec("com.example.Main", List.of(), List.of("-Xmx64m"), "eclipse-temurin:17-jre");

    @TempDir
    Path dir;

    @Test
    void theDockerfileCopiesEachEntryAndRunsTheMainClassOnThemInOrder() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = jar("lib one.jar", "a.txt", "A", 1_000);

        String dockerfile = JavaAppRecipe.of(APP, List.of(classes, jar)).dockerfile();

        assertThat(dockerfile).isEqualTo("FROM eclipse-temurin:17-jre\n"
                + "COPY app/ /app/\n"
                + "WORKDIR /app\n"
                + "ENTRYPOINT [\"java\", \"-Xmx64m\", \"-cp\", \"/app/00-classes:/app/01-lib_one.jar\", \"com.example.Main\"]\n");
    }

    @Test
    void aJarPackagedAgainFromTheSameFilesKeepsItsHashAndAChangedFileChangesIt() throws IOException {
        String first = JavaAppRecipe.of(APP, List.of(jar("one/app.jar", "a.txt", "A", 1_000))).hash();
        String repackaged = JavaAppRecipe.of(APP, List.of(jar("two/app.jar", "a.txt", "A", 9_000_000))).hash();
        String changed = JavaAppRecipe.of(APP, List.of(jar("three/app.jar", "a.txt", "B", 1_000))).hash();

        assertThat(repackaged).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void otherJvmArgumentsGiveAnotherHash() throws IOException {
        List<Path> classPath = List.of(jar("app.jar", "a.txt", "A", 1_000));
        JavaAppSpec other = new JavaAppSpec("com.example.Main", List.of(), List.of("-Xmx128m"), "eclipse-temurin:17-jre");

        assertThat(JavaAppRecipe.of(other, classPath).hash()).isNotEqualTo(JavaAppRecipe.of(APP, classPath).hash());
    }

    @Test
    void globsSelectByFileNameOrAbsolutePathAndMustSelectSomething() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("orders/target/classes"));
        Path driver = jar("postgresql-42.7.14.jar", "a.txt", "A", 1_000);
        Path other = jar("other.jar", "a.txt", "A", 1_000);
        JavaAppSpec selective = new JavaAppSpec("com.example.Main", List.of("postgresql-*.jar", "**/orders/target/classes"), List.of(),
                "eclipse-temurin:17-jre");

        assertThat(JavaAppRecipe.of(selective, List.of(classes, driver, other)).entries()).containsExactly(classes, driver);
        assertThatThrownBy(() -> JavaAppRecipe.of(selective, List.of(other)))
                .hasMessageStartingWith("its class path globs [postgresql-*.jar, **/orders/target/classes] select none of the 1 entries");
    }

    private Path jar(String name, String entry, String content, long time) throws IOException {
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry zipEntry = new ZipEntry(entry);
            zipEntry.setLastModifiedTime(FileTime.fromMillis(time));
            zip.putNextEntry(zipEntry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
