package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceBuilder;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dependents that Docker starts while their dependencies get ready, their own process held back
 * by a gate until the dependencies are ready ({@code flotilla.start.early}), on real containers.
 */
class EarlyStartTest {

    /** Ready 3 s after its process starts; serves the kernel's uptime (one clock for every container) at which it got ready. */
    private static final String SLOW_DB = "sleep 3; mkdir -p /www; cut -d' ' -f1 /proc/uptime > /www/ready-at;"
            + " exec httpd -f -p 8080 -h /www";
    /** Asks the database, as its process starts, when it got ready: an answer only if it is ready by then. */
    private static final String APP = "wget -q -O /tmp/db-ready-at http://db:8080/ready-at || echo not-ready > /tmp/db-ready-at;"
            + " exec httpd -f -p 8080";

    @AfterEach
    void clearSetting() {
        System.clearProperty(FlotillaSettings.EARLY_START);
    }

    @Test
    void dockerStartsADependentAheadButItsProcessRunsOnlyOnceItsDependencyIsReady() {
        long since = System.currentTimeMillis() / 1000 - 1;
        try (RunningTopology running = dbAndApp("early", "busybox:1.36", s -> { })) {
            ServiceHandle db = running.service("db");
            ServiceHandle app = running.service("app");
            assertThat(app.exec("cat", "/tmp/db-ready-at").stdout().strip()).matches("[0-9.]+");
            // Docker started the app well before the database's 3 s were over; its process ran after them.
            assertThat(startedAt(app)).isBefore(startedAt(db).plusMillis(2_500));
            assertThat(app.exec("cat", "/proc/1/cmdline").stdout()).startsWith("httpd");
            // The gate was opened by the line on its stdin, not by a signal through the engine, and the
            // engine wrote no open file into it (an extraction slows the other starts); a restart needs it.
            assertThat(DockerState.containerActions(app.containerId(), since)).contains("start").doesNotContain("kill", "extract-to-dir");

            // A restart runs the process at once: the gate stays open.
            Instant firstStart = startedAt(app);
            app.restart();
            assertThat(startedAt(app)).isAfter(firstStart);
            assertThat(app.exec("cat", "/proc/1/cmdline").stdout()).startsWith("httpd");
            if (DockerState.dnsAnswersRightAfterAStop()) { // on Podman the app's own stop can leave "db" unanswered a while
                assertThat(app.exec("cat", "/tmp/db-ready-at").stdout().strip()).matches("[0-9.]+");
            }
        }
    }

    @Test
    void withTheSettingOffADependentIsStartedOnlyOnceItsDependencyIsReady() {
        System.setProperty(FlotillaSettings.EARLY_START, "off");
        try (RunningTopology running = dbAndApp("notearly", "busybox:1.36", s -> { })) {
            assertThat(running.service("app").exec("cat", "/tmp/db-ready-at").stdout().strip()).matches("[0-9.]+");
            assertThat(startedAt(running.service("app"))).isAfter(startedAt(running.service("db")).plusMillis(3_000));
            assertThat(running.service("app").exec("cat", "/proc/1/cmdline").stdout()).startsWith("httpd");
        }
    }

    @Test
    void anImageWithoutASleepProgramIsStartedOnceItsDependencyIsReady() throws IOException {
        String image = TestImages.build("flotilla-test/no-sleep:1", "FROM busybox:1.36\nRUN rm /bin/sleep\n");
        try (RunningTopology running = dbAndApp("nosleep", image, s -> { })) {
            ServiceHandle app = running.service("app");
            assertThat(app.exec("cat", "/tmp/db-ready-at").stdout().strip()).matches("[0-9.]+");
            assertThat(startedAt(app)).isAfter(startedAt(running.service("db")).plusMillis(3_000));
        } finally {
            TestImages.remove(image);
        }
    }

    @Test
    void anImageWithoutAShellIsStartedOnceItsDependencyIsReady() throws IOException {
        String image = TestImages.build("flotilla-test/no-shell:1", "FROM busybox:1.36\nRUN rm /bin/sh\n");
        try (RunningTopology running = Flotilla.topology("noshell")
                .service("db", "busybox:1.36", s -> s.command("sh", "-c", SLOW_DB).ports(8080).waitForHttp(8080, "/ready-at", 200))
                .service("app", image, s -> s.command("httpd", "-f", "-p", "8080").ports(8080).waitForPorts(8080).dependsOn("db"))
                .build().start()) {
            assertThat(startedAt(running.service("app"))).isAfter(startedAt(running.service("db")).plusMillis(3_000));
            assertThat(running.service("app").isRunning()).isTrue();
        } finally {
            TestImages.remove(image);
        }
    }

    @Test
    void aDependentWithSecretsGetsThemBehindTheGate() {
        try (RunningTopology running = dbAndApp("earlysecret", "busybox:1.36", s -> s.secret("TOKEN", "gate-and-secret"))) {
            ServiceHandle app = running.service("app");
            assertThat(app.exec("sh", "-c", "tr '\\0' '\\n' < /proc/1/environ").stdout()).contains("TOKEN=gate-and-secret");
            assertThat(app.exec("cat", "/tmp/db-ready-at").stdout().strip()).matches("[0-9.]+");
            assertThat(startedAt(app)).isBefore(startedAt(running.service("db")).plusMillis(2_500));
        }
    }

    @Test
    void aDependentsProcessFindsStdinEndedAsWithoutTheGateAlsoAfterARestart() {
        // cat reads stdin to its end: httpd runs, and the app gets ready, only if stdin ends.
        String readsStdin = "cat > /tmp/stdin-read; exec httpd -f -p 8080";
        try (RunningTopology running = Flotilla.topology("earlystdin")
                .service("db", "busybox:1.36", s -> s.command("sh", "-c", SLOW_DB).ports(8080).waitForHttp(8080, "/ready-at", 200))
                .service("app", "busybox:1.36", s -> s.command("sh", "-c", readsStdin).ports(8080).waitForPorts(8080)
                        .dependsOn("db").startupTimeout(java.time.Duration.ofSeconds(20)))
                .build().start()) {
            ServiceHandle app = running.service("app");
            assertThat(startedAt(app)).isBefore(startedAt(running.service("db")).plusMillis(2_500));
            assertThat(app.exec("cat", "/tmp/stdin-read").stdout()).as("what the process read on stdin").isEmpty();

            app.restart();
            assertThat(app.exec("cat", "/proc/1/cmdline").stdout()).startsWith("httpd");
            assertThat(app.exec("cat", "/tmp/stdin-read").stdout()).isEmpty();
        }
    }

    private static RunningTopology dbAndApp(String name, String appImage, Consumer<ServiceBuilder> app) {
        return Flotilla.topology(name)
                .service("db", "busybox:1.36", s -> s.command("sh", "-c", SLOW_DB).ports(8080).waitForHttp(8080, "/ready-at", 200))
                .service("app", appImage, s -> {
                    s.command("sh", "-c", APP).ports(8080).waitForPorts(8080).dependsOn("db");
                    app.accept(s);
                })
                .build().start();
    }

    /** When Docker started the service's container (not its process, which a gate may have held back). */
    private static Instant startedAt(ServiceHandle service) {
        return Instant.parse(DockerState.client().inspectContainerCmd(service.containerId()).exec().getState().getStartedAt());
    }
}
