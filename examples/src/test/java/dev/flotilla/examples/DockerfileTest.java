package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flotilla.Build;
import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** A service whose image is built from a Dockerfile of the project, and rebuilt only when its context changes. */
@Topology
@Service(name = "web", build = @Build(context = "src/test/docker/web", args = "GREETING=Bonjour"), ports = 8080)
class DockerfileTest {

    @Test
    void servesWhatItsDockerfileBuilt(@Endpoint("http://web:8080") URI web) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(web).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Bonjour from a Dockerfile");
    }
}
