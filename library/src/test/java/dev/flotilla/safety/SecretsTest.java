package dev.flotilla.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.Topology;
import dev.flotilla.resolve.AnnotationTopologyResolver;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/** Secret values reach the container and nothing else: not Docker's configuration, logs, reports, messages or toString(). */
class SecretsTest {

    private static final String SENTINEL = "s3ntinel-" + UUID.randomUUID();

    @Test
    void containerOutputThatPrintsTheSecretIsMaskedEverywhereFlotillaShowsIt() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RunningTopology running = Flotilla.topology("secrets")
                // "chatty" is logged at INFO by simplelogger.properties: its output reaches slf4j.
                .service("chatty", "busybox:1.36", s -> s.secret("DB_PASSWORD", SENTINEL)
                        .command("sh", "-c", "echo \"password is $DB_PASSWORD\"; sleep 600").waitForLog("password is", 1))
                .build().start()) {
            ServiceHandle chatty = running.service("chatty");

            assertThat(chatty.exec("sh", "-c", "test \"$(cat /proc/1/environ | tr '\\0' '\\n' | grep -c DB_PASSWORD=)\" = 1").exitCode())
                    .as("the service's own process has the variable").isZero();
            assertThat(chatty.logs()).isEqualTo("password is ******");
            List<String> env = List.of(DockerState.client().inspectContainerCmd(chatty.containerId()).exec().getConfig().getEnv());
            assertThat(String.join(",", env)).doesNotContain(SENTINEL).doesNotContain("DB_PASSWORD");
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("dev.flotilla.service.chatty - password is ******")
                .doesNotContain(SENTINEL);
    }

    @Test
    void failureReportsMaskTheSecret() {
        var definition = Flotilla.topology("secretreport")
                .service("leaky", "busybox:1.36", s -> s.secret("TOKEN", SENTINEL)
                        .command("sh", "-c", "echo \"token=$TOKEN\"; exit 1").waitForLog("never", 1));

        assertThatThrownBy(() -> definition.build().start())
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("| token=******")
                .hasMessageNotContaining(SENTINEL);
    }

    @Topology
    @Service(name = "db", image = "postgres:15", secrets = "POSTGRES_PASSWORD=${FLOTILLA_TEST_DB_PASSWORD}")
    static class FromProperty {
    }

    @Topology
    @Service(name = "db", image = "postgres:15", secrets = "POSTGRES_PASSWORD=${FLOTILLA_TEST_UNSET_VARIABLE}")
    static class FromMissingVariable {
    }

    @Test
    void secretsCanComeFromPropertiesAndNeverPrintInTheModel() {
        System.setProperty("FLOTILLA_TEST_DB_PASSWORD", SENTINEL);
        try {
            var spec = AnnotationTopologyResolver.resolve(FromProperty.class).orElseThrow().spec();
            assertThat(spec.services().get(0).secrets().get("POSTGRES_PASSWORD").value()).isEqualTo(SENTINEL);
            assertThat(spec.toString()).contains("secrets={POSTGRES_PASSWORD=******}").doesNotContain(SENTINEL);
        } finally {
            System.clearProperty("FLOTILLA_TEST_DB_PASSWORD");
        }
    }

    @Test
    void aSecretReadFromAnUnsetVariableIsAConfigurationError() {
        assertThatThrownBy(() -> AnnotationTopologyResolver.resolve(FromMissingVariable.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"db\").secrets on " + FromMissingVariable.class.getName() + ": secret POSTGRES_PASSWORD"
                        + " reads ${FLOTILLA_TEST_UNSET_VARIABLE}, which is neither a system property nor an environment variable."
                        + " Fix: set the environment variable or system property FLOTILLA_TEST_UNSET_VARIABLE.");
    }

    @Test
    void postgresTakesItsPasswordAsASecret() {
        try (RunningTopology running = Flotilla.topology("secretpostgres")
                .service("db", "postgres:15", s -> s.ports(5432).secret("POSTGRES_PASSWORD", SENTINEL)
                        .waitForLog("database system is ready to accept connections", 2))
                .build().start()) {
            var result = running.service("db").exec("sh", "-c",
                    "PGPASSWORD=\"$(cat /.flotilla/secrets.env | sed -n \"s/^POSTGRES_PASSWORD='\\(.*\\)'$/\\1/p\")\""
                            + " psql -h 127.0.0.1 -U postgres -tAc 'select 1'");
            assertThat(result.stdout()).isEqualTo("1\n");
        }
    }

    @Test
    void atTraceLevelNothingPrintsTheSecretEitherNotEvenTheDockerClientsWireLog() throws Exception {
        ChildJvm child = ChildJvm.start(SecretLeakProbe.class, Map.of(), List.of(
                "-Dprobe.secret=" + SENTINEL,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.org.testcontainers=trace",
                "-Dorg.slf4j.simpleLogger.log.com.github.dockerjava=trace",
                "-Dorg.slf4j.simpleLogger.log.dev.flotilla.service=trace"));
        child.awaitExit(120);
        String output = child.output();

        assertThat(output).contains("PROBE DONE", "SECRET_DELIVERED true", "FAILURE Service \"app\"");
        // Docker lists the declared variables; Podman puts the image's (PATH) first.
        assertThat(output).containsPattern("INSPECT_ENV ([^\n]*,)?PLAIN=visible");
        // The wire log is on: request bodies to Docker are printed, and still hold no secret.
        assertThat(output).contains("http.wire");
        assertThat(output).doesNotContain(SENTINEL);
    }
}
