package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java example of the README is the whole of an example here (or, for Spring Boot, of one in
 * {@code spring/src/test/java/dev/flotilla/spring/example}), but its package line: so it
 * compiles, with this module's default compiler settings, and runs as one of these tests. An
 * edit to either that is not made to both fails the build.
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaExampleInTheReadmeIsAnExampleThatRunsHere() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> examples = new ArrayList<>();
        // The Spring Boot example needs Spring, so it lives with flotilla-spring's tests, run there on both Spring Boot lines.
        for (Path sources : List.of(Path.of("src", "test", "java"), Path.of("..", "spring", "src", "test", "java", "dev", "flotilla", "spring", "example"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    examples.add(Files.readString(file).replaceFirst("^package [\\w.]+;\n\n", ""));
                }
            }
        }
        Matcher block = JAVA_BLOCK.matcher(readme);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            assertThat(examples).as("an example file holding the README's block %d", blocks).contains(block.group(1));
        }
        assertThat(blocks).as("Java examples in the README").isGreaterThanOrEqualTo(2);
    }

    /** compat/junit-range runs the README's first example on every JUnit from 5.10: it must be that example. */
    @Test
    void theCompatProjectsCopyOfTheFirstExampleIsTheReadmes() throws IOException {
        Matcher first = JAVA_BLOCK.matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(first.find()).isTrue();
        String copy = Files.readString(Path.of("..", "compat", "junit-range", "src", "test", "java", "com", "example", "junitrange",
                "QuickStartTest.java"));

        assertThat(copy).endsWith("\n" + first.group(1)).startsWith("package com.example.junitrange;\n");
    }
}
