package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/** The readiness conditions: an HTTP status, a log line, a command; ports are the default. */
@Topology
@Service(name = "web", image = "busybox:1.36", ports = 8080,
        command = {"sh", "-c", "mkdir -p /www && echo ok > /www/health && httpd -f -p 8080 -h /www"},
        waitFor = @WaitFor(http = "/health", status = 200, timeout = "30s"))
@Service(name = "worker", image = "busybox:1.36",
        command = {"sh", "-c", "sleep 1; echo worker started; touch /tmp/ready; sleep 3600"},
        waitFor = {@WaitFor(log = "worker started"), @WaitFor(command = {"test", "-f", "/tmp/ready"})})
class WaitForExamplesTest {

    @Test
    void webAnswersOnceStarted(@Endpoint("web:8080") URI web) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(web.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("ok\n");
    }

    @Test
    void workerHasStarted(ServiceHandle worker) {
        assertThat(worker.logs()).contains("worker started");
    }
}
