package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flotilla.ComposeFile;
import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** A compose file read by Flotilla itself (no compose CLI), and a service declared here that depends on one of its services. */
@Topology
@ComposeFile("src/test/resources/compose.yaml")
@Service(name = "smoke", image = "busybox:1.36", command = {"sleep", "3600"}, dependsOn = "web")
class ComposeTest {

    @Test
    void theStackRunsAsTheFileSays(@Endpoint("http://web:80") URI web, ServiceHandle db, ServiceHandle smoke) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(web).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("shop is up");
        assertThat(db.exec("psql", "-U", "shop", "-d", "shop", "-tAc", "select count(*) from orders").stdout().strip()).isEqualTo("2");
        assertThat(smoke.exec("wget", "-qO-", "http://web/").stdout()).contains("shop is up");
    }
}
