package dev.flotilla.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.flotilla.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * AssertJ stays optional: the library's POM says so, nothing but {@code dev.flotilla.assertj}
 * uses it, and Flotilla runs a topology in a JVM that has no AssertJ at all.
 */
class OptionalAssertJTest {

    @Test
    void thePomDeclaresAssertJOptionalSoThatUsersDoNotGetIt() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList dependencies = pom.getElementsByTagName("dependency");
        Element assertj = null;
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "artifactId").equals("assertj-core")) {
                assertThat(assertj).as("assertj-core declared once").isNull();
                assertj = dependency;
            }
        }

        assertThat(assertj).as("library/pom.xml declares assertj-core").isNotNull();
        assertThat(text(assertj, "optional")).isEqualTo("true");
        assertThat(text(assertj, "scope")).as("compile scope, so that the assertions compile with the library").isIn("", "compile");
    }

    @Test
    void noOtherPackageOfTheLibraryUsesAssertJOrTheseAssertions() throws IOException {
        Path sources = Path.of("src", "main", "java");
        Path assertions = sources.resolve(Path.of("dev", "flotilla", "assertj"));
        List<Path> users;
        try (Stream<Path> files = Files.walk(sources)) {
            users = files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(assertions))
                    .filter(f -> {
                        String source = read(f);
                        return source.contains("org.assertj") || source.contains("dev.flotilla.assertj");
                    })
                    .toList();
        }

        assertThat(users).isEmpty();
    }

    @Test
    void flotillaRunsATopologyInAJvmWithoutAssertJ() throws Exception {
        ChildJvm child = ChildJvm.startWithout(WithoutAssertJProbe.class, "assertj-core");

        assertThat(child.awaitExit(120)).as(child.output()).isZero();
        assertThat(child.output()).contains("ASSERTJ absent", "RAN fine");
    }

    private static String text(Element element, String tag) {
        NodeList found = element.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
