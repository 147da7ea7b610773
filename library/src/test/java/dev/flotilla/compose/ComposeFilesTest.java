package dev.flotilla.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/** Several compose files merged, profiles, random host ports, and files Flotilla refuses before anything starts. */
class ComposeFilesTest {

    private static final String BASE = "src/test/resources/compose/profiles/compose.yaml";
    private static final String OVERRIDE = "src/test/resources/compose/profiles/compose.override.yaml";

    @Test
    void aLaterFileOverridesAnEarlierOneAndAServiceOfAnInactiveProfileDoesNotRun() throws Exception {
        long since = Instant.now().getEpochSecond();
        try (RunningTopology running = Flotilla.topology("compose-merged").composeFile(BASE, OVERRIDE).composeRandomHostPorts()
                .build().start()) {
            ServiceHandle web = running.service("web");
            assertThat(running.serviceNames()).containsExactly("web");
            assertThat(web.mappedPort(80)).as("random, not the file's 18080").isNotEqualTo(18080);
            assertThat(get(web)).isEqualTo("override\n");
            assertThat(web.exec("env").stdout()).contains("MODE=override", "KEEP=kept");
        }
        assertThat(DockerState.createdServices("compose-merged", since)).containsExactly("web");
        assertThat(DockerState.leftoversOfName("compose-merged")).isZero();
    }

    @Test
    void anActiveProfileAddsItsServicesAndTheFilesHostPortIsKeptUnlessToldOtherwise() throws Exception {
        try (RunningTopology running = Flotilla.topology("compose-debug").composeFile(BASE).composeProfiles("debug").build().start()) {
            assertThat(running.serviceNames()).containsExactly("web", "tools");
            assertThat(running.service("web").mappedPort(80)).isEqualTo(18080);
            assertThat(get(running.service("web"))).isEqualTo("base\n");
            assertThat(running.service("tools").exec("curl", "-s", "http://web/").stdout()).isEqualTo("base\n");
        }
        assertThat(DockerState.leftoversOfName("compose-debug")).isZero();
    }

    @Test
    void deployReplicasStartsThatManyContainersOfTheService() throws Exception {
        try (RunningTopology running = Flotilla.topology("compose-replicas").composeFile("src/test/resources/compose/replicas.yaml")
                .build().start()) {
            var replicas = running.service("web").replicas();
            assertThat(replicas).hasSize(2);
            assertThat(replicas.stream().map(ServiceHandle::containerId).distinct()).hasSize(2);
            assertThat(replicas.stream().map(replica -> replica.exec("hostname").stdout()).distinct()).hasSize(2);
            assertThat(get(replicas.get(1))).isEqualTo(replicas.get(1).exec("hostname").stdout());
        }
        assertThat(DockerState.leftoversOfName("compose-replicas")).isZero();
    }

    @Test
    void everyUnsupportedKeyAndBadValueIsListedWithItsLineBeforeAnythingStarts() {
        long since = Instant.now().getEpochSecond();
        assertThatThrownBy(() -> Flotilla.topology("compose-broken").composeFile("src/test/resources/compose/broken/compose.yaml").build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("compose.yaml:4: services.web.privileged: the compose key 'privileged' is not supported by Flotilla")
                .hasMessageContaining("compose.yaml:5: services.web.container_name: the compose key 'container_name' is not supported")
                .hasMessageContaining("compose.yaml:16: networks.outside.labels: the compose key 'labels' is not supported")
                .hasMessageContaining("compose.yaml:18: networks.outside.attachable: the compose key 'attachable' is not supported")
                .hasMessageContaining("compose.yaml:19: networks.outside.external: the compose key 'external' is not supported")
                .hasMessageContaining("compose.yaml:12: services.web.environment.TOKEN: required variable TOKEN_NOT_SET_ANYWHERE"
                        + " is missing a value: the API token");
        assertThat(DockerState.createdServices("compose-broken", since)).isEmpty();
    }

    @Test
    void valuesFlotillaCannotUseAreListedWithTheirLines() {
        String file = "src/test/resources/compose/broken/values.yaml";
        assertThatThrownBy(() -> Flotilla.topology("compose-values").composeFile(file).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("values.yaml:5: services.web.ports[0]: only TCP ports are supported, not \"80/udp\"")
                .hasMessageContaining("values.yaml:6: services.web.ports[1]: port ranges (\"8000-8001:80\") are not supported")
                .hasMessageContaining("values.yaml:8: services.web.volumes[0]: the volume 'data' is not declared under the top-level 'volumes'")
                .hasMessageContaining("values.yaml:12: services.db.depends_on.web: unknown condition 'service_ready'")
                .hasMessageContaining("values.yaml:15: services.db.healthcheck.interval: \"soon\" is not a duration")
                .hasMessageContaining("values.yaml:18: services.db.labels.dev.flotilla.wait-for-exposed-ports: \"no\" is neither"
                        + " \"true\" nor \"false\". Fix: write \"false\" to wait for the health check alone.")
                .hasMessageContaining("values.yaml:19: services.db.labels.dev.flotilla.wait-for-ports: 'dev.flotilla.wait-for-ports' is"
                        + " not a label Flotilla reads, and the prefix dev.flotilla. is Flotilla's. Fix: write"
                        + " dev.flotilla.wait-for-exposed-ports, the one Flotilla reads, or choose a key outside dev.flotilla.*.");
    }

    @Test
    void aMissingFileAndADependencyOnAnInactiveProfileAreNamed() {
        assertThatThrownBy(() -> Flotilla.topology("compose-missing").composeFile("src/test/resources/compose/nope.yaml").build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("check the path in @ComposeFile; relative paths start at ");
        assertThatThrownBy(() -> Flotilla.topology("compose-profile").composeFile("src/test/resources/compose/broken/profiles.yaml").build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("profiles.yaml:8: services.app.depends_on.tools: 'tools' is in profiles [debug], none of them active."
                        + " Fix: activate one in @ComposeFile(profiles = ...)");
    }

    @Test
    void aComposeServiceAndACodeServiceWithTheSameNameAreRefused() {
        assertThatThrownBy(() -> Flotilla.topology("compose-clash").composeFile(BASE).service("web", "busybox:1.36").build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("duplicate service name \"web\"");
    }

    private static String get(ServiceHandle web) throws Exception {
        URI uri = URI.create("http://" + web.host() + ":" + web.mappedPort(80) + "/");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
