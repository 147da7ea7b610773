package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.TopologyDefinition;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services whose image Flotilla builds from a Dockerfile of the project: built, reused while unchanged, and failing clearly. */
class DockerfileBuildTest {

    private static final String DOCKERFILE = """
            FROM busybox:1.36 AS base
            ARG GREETING=hello
            RUN echo "$GREETING" > /greeting
            COPY page.html /www/index.html

            FROM base AS debug
            RUN echo debug > /stage

            FROM base
            RUN echo final > /stage
            CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]
            """;

    @TempDir
    Path context;

    @Test
    void theImageIsBuiltFromTheContextWithItsArgumentsAndServed() throws Exception {
        write("Dockerfile", DOCKERFILE);
        write("page.html", "<h1>built by Flotilla</h1>");
        write(".dockerignore", "secrets\n");
        write("secrets/token", "not for the image");

        try (RunningTopology running = web(s -> s.dockerfile(context.toString()).buildArg("GREETING", "bonjour")).start()) {
            ServiceHandle web = running.service("web");
            assertThat(get(web)).isEqualTo("<h1>built by Flotilla</h1>");
            assertThat(web.exec("cat", "/greeting").stdout().strip()).isEqualTo("bonjour");
            assertThat(web.exec("cat", "/stage").stdout().strip()).isEqualTo("final");
            assertThat(web.exec("sh", "-c", "ls /www; find / -name token 2>/dev/null | grep -v proc").stdout()).doesNotContain("token");
            String image = DockerState.client().inspectContainerCmd(web.containerId()).exec().getConfig().getImage();
            assertThat(image).matches("(docker\\.io/)?flotilla-build/web:[0-9a-f]{24}"); // Podman names local images docker.io/...
        }
    }

    @Test
    void anUnchangedContextReusesItsImageAndAChangedOneGetsANewOne() throws Exception {
        write("Dockerfile", DOCKERFILE);
        write("page.html", "one");
        String first = imageOf(web(s -> s.dockerfile(context.toString())));
        String again = imageOf(web(s -> s.dockerfile(context.toString())));
        write("page.html", "two");
        String changed = imageOf(web(s -> s.dockerfile(context.toString())));

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first).contains("flotilla-build/web:");
    }

    @Test
    void aTargetStageIsBuiltWhenNamed() throws Exception {
        write("Dockerfile", DOCKERFILE);
        write("page.html", "x");
        try (RunningTopology running = Flotilla.topology("dockerfile-target")
                .service("web", s -> s.dockerfile(context.toString()).buildTarget("debug").command("sleep", "600"))
                .build().start()) {
            assertThat(running.service("web").exec("cat", "/stage").stdout().strip()).isEqualTo("debug");
        }
    }

    @Test
    void aFailingBuildFailsTheStartWithTheEnginesWordsAndStartsNothing() throws Exception {
        write("Dockerfile", "FROM busybox:1.36\nRUN echo about to fail && exit 3\n");
        long since = Instant.now().getEpochSecond();
        var definition = Flotilla.topology("dockerfile-fails")
                .service("cache", "redis:7", s -> s.ports(6379))
                .service("web", s -> s.dockerfile(context.toString()).ports(8080))
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"web\" cannot start: its image could not be built from Dockerfile in " + context)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("returned a non-zero code: 3", "exit status 3")) // Docker, Podman
                .hasMessageEndingWith("to see the whole output, and correct the Dockerfile.");
        assertThat(DockerState.createdServices("dockerfile-fails", since)).isEmpty();
    }

    @Test
    void aMissingContextOrDockerfileAndAnImageBesideABuildAreRefused() throws Exception {
        assertThatThrownBy(() -> Flotilla.topology("dockerfile-bad").service("web", s -> s.dockerfile(context.resolve("nope").toString())).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("build context \"" + context.resolve("nope") + "\" is not a directory");
        assertThatThrownBy(() -> Flotilla.topology("dockerfile-bad").service("web", s -> s.dockerfile(context.toString())).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("the build context has no Dockerfile \"Dockerfile\"");
        write("Dockerfile", DOCKERFILE);
        assertThatThrownBy(() -> Flotilla.topology("dockerfile-bad").service("web", "redis:7", s -> s.dockerfile(context.toString())).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("sets both image \"redis:7\" and build")
                .hasMessageContaining("keep one: image runs an existing image, build builds one from a Dockerfile");
        assertThatThrownBy(() -> Flotilla.topology("dockerfile-bad").service("web", s -> s.buildArg("A", "b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("buildArg(...) belongs to a Dockerfile build: call dockerfile(context) first");
    }

    private TopologyDefinition web(java.util.function.Consumer<dev.flotilla.ServiceBuilder> build) {
        return Flotilla.topology("dockerfile").service("web", s -> {
            build.accept(s);
            s.ports(8080);
        }).build();
    }

    private static String imageOf(TopologyDefinition definition) {
        try (RunningTopology running = definition.start()) {
            return DockerState.client().inspectContainerCmd(running.service("web").containerId()).exec().getConfig().getImage();
        }
    }

    private static String get(ServiceHandle web) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + web.address(8080) + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void write(String name, String content) throws IOException {
        Path file = context.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
