package dev.flotilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.flotilla.fixtures.HelloHttpApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** A service that runs a main class of the test class path, in an image Flotilla builds and then reuses. */
class JavaAppImageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final DockerClient docker = DockerClientFactory.instance().client();
    // A JVM argument no earlier run used: the first start must build, whatever images the engine holds.
    private final String nonce = UUID.randomUUID().toString();
    private String builtImageId;

    @AfterEach
    void removeTheImageOfThisRun() {
        if (builtImageId != null) {
            try {
                docker.removeImageCmd(builtImageId).withForce(true).exec();
            } catch (NotFoundException e) {
                // already gone
            }
        }
    }

    private TopologyDefinition hello() {
        return Flotilla.topology("javaapp")
                .service("hello", s -> s
                        .javaApp(HelloHttpApp.class.getName(), app -> app.classpath("test-classes").jvmArgs("-Xmx32m", "-Dnonce=" + nonce))
                        .command("from", "flotilla")
                        .ports(8080)
                        .waitForHttp(8080, "/health", 200))
                .build();
    }

    @Test
    void buildsTheImageOnFirstStartAndReusesItOnTheNext() throws Exception {
        Instant beforeBuild = Instant.now().minusSeconds(1);
        InspectImageResponse first;
        try (RunningTopology running = hello().start()) {
            ServiceHandle service = running.service("hello");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri(8080).resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("hello from flotilla");
            first = imageOf(service);
            builtImageId = first.getId();
        }
        assertThat(first.getRepoTags()).singleElement().asString().matches("flotilla-app/hello:[0-9a-f]{24}");
        assertThat(first.getConfig().getLabels()).containsEntry("dev.flotilla.app", "true");
        assertThat(Instant.parse(first.getConfig().getLabels().get("dev.flotilla.app.built"))).isAfter(beforeBuild);
        assertThat(first.getConfig().getEntrypoint()).containsSubsequence("java", "-Xmx32m", "-cp", HelloHttpApp.class.getName());

        try (RunningTopology running = hello().start()) {
            InspectImageResponse second = imageOf(running.service("hello"));
            assertThat(second.getId()).isEqualTo(first.getId());
            assertThat(second.getCreated()).isEqualTo(first.getCreated());
            assertThat(second.getConfig().getLabels()).containsEntry("dev.flotilla.app.built",
                    first.getConfig().getLabels().get("dev.flotilla.app.built"));
        }
    }

    @Test
    void classPathGlobsThatSelectNothingFailTheStartNamingTheService() {
        TopologyDefinition nothing = Flotilla.topology("javaapp-empty")
                .service("hello", s -> s.javaApp(HelloHttpApp.class.getName(), app -> app.classpath("no-such-entry-*.jar")))
                .build();

        assertThatThrownBy(nothing::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"hello\" cannot start: the image for its main class " + HelloHttpApp.class.getName()
                        + " on eclipse-temurin:17-jre could not be built: its class path globs [no-such-entry-*.jar] select none of the ")
                .hasMessageContaining("Fix: write globs that match an entry's file name")
                .hasMessageEndingWith(". Nothing was started.");
    }

    private InspectImageResponse imageOf(ServiceHandle service) {
        String imageId = docker.inspectContainerCmd(service.containerId()).exec().getImageId();
        return docker.inspectImageCmd(imageId).exec();
    }
}
