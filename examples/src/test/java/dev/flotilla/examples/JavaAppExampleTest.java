package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flotilla.Endpoint;
import dev.flotilla.JavaApp;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/** A main class of the test class path as a service: Flotilla builds its image, no Dockerfile; the command is its arguments. */
@Topology
@Service(name = "greeter", ports = 8080, command = "Bonjour", waitFor = @WaitFor(http = "/health", port = 8080),
        javaApp = @JavaApp(mainClass = "dev.flotilla.examples.GreetingApp", classpath = "test-classes", jvmArgs = "-Xmx64m"))
@Service(name = "client", image = "busybox:1.36", command = {"sleep", "3600"}, dependsOn = "greeter")
class JavaAppExampleTest {

    @Test
    void theMainClassRunsInAContainer(@Endpoint("http://greeter:8080") URI greeter, ServiceHandle client) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(greeter).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).isEqualTo("Bonjour from a Java app");
        assertThat(client.exec("wget", "-qO-", "http://greeter:8080/").stdout()).isEqualTo("Bonjour from a Java app"); // by name, too
    }
}
