package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.Topology;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What the run report tests look at: real topologies of this JVM's run, started through Flotilla
 * once per JVM. One of five services whose dependencies make three columns, started and removed;
 * one whose start fails (a service exits, the one after it is called off); one used by a test
 * class, run through JUnit, where one test passes and one fails, so a failure bundle is written.
 */
final class ReportedRun {

    static final String LAYERED = "report-layers";
    static final String BROKEN = "report-broken";
    static final String TESTED = "report-tested";
    /** The failing test's display name: characters that must be escaped on the page. */
    static final String TRICKY_NAME = "fails <on purpose> & says \"so\"";

    private static List<InstanceRecord> instances;

    private ReportedRun() {
    }

    /** The three instances, in the order above, each removed by now. */
    static synchronized List<InstanceRecord> instances() {
        if (instances == null) {
            instances = List.of(layered(), broken(), tested());
        }
        return instances;
    }

    /** Writes a page of these instances only, in the run's directory beside its index.html, so its links are the real ones. */
    static Path page(String name) throws IOException {
        Path page = RunReport.get().directory().orElseThrow(() -> new IllegalStateException("reports are off")).resolve(name);
        HtmlRunReport.write(instances(), page);
        return page;
    }

    private static InstanceRecord layered() {
        RunningTopology running = Flotilla.topology(LAYERED)
                .service("db", "busybox:1.36", s -> s.ports(5432).command("sh", "-c", "echo db listening; exec httpd -f -v -p 5432"))
                .service("cache", "busybox:1.36", s -> s.ports(6379).command("sh", "-c", "echo cache listening; exec httpd -f -v -p 6379"))
                .service("api", "busybox:1.36", s -> s.ports(8080).dependsOn("db", "cache")
                        .command("sh", "-c", "echo api up >&2; echo serving; exec httpd -f -v -p 8080").waitForLog("serving", 1))
                .service("worker", "busybox:1.36", s -> s.dependsOn("db").command("sh", "-c", "echo working; exec sleep 600"))
                .service("web", "busybox:1.36", s -> s.ports(80).dependsOn("api").command("sh", "-c", "echo web up; exec httpd -f -v -p 80"))
                .build()
                .start();
        String id = running.instanceId();
        running.close();
        assertThat(DockerState.leftovers(id)).isZero();
        return RunReport.get().instance(id).orElseThrow();
    }

    private static InstanceRecord broken() {
        var definition = Flotilla.topology(BROKEN)
                .service("bystander", "busybox:1.36", s -> s.command("sleep", "600"))
                // Fails only after a while, so that the bystander is ready by then however loaded the machine is.
                .service("crash", "busybox:1.36", s -> s.ports(8080).command("sh", "-c", "sleep 3; echo giving up >&2; exit 3"))
                .service("after", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("crash"))
                .build();
        catchThrowableOfType(ServiceStartException.class, definition::start);
        assertThat(DockerState.leftoversOfName(BROKEN)).isZero();
        return last(BROKEN);
    }

    private static InstanceRecord tested() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(TestedTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(DockerState.leftoversOfName(TESTED)).isZero();
        return last(TESTED);
    }

    private static InstanceRecord last(String topology) {
        List<InstanceRecord> named = RunReport.get().instances().stream().filter(i -> i.spec().name().equals(topology)).toList();
        return named.get(named.size() - 1);
    }

    @Topology(name = TESTED)
    @Service(name = "app", image = "busybox:1.36", command = {"sh", "-c", "echo app ready; exec sleep 600"})
    static class TestedTestCase {

        @Test
        void passes(ServiceHandle app) {
            assertThat(app.exec("echo", "42").stdout()).isEqualTo("42\n");
        }

        @Test
        @DisplayName(TRICKY_NAME)
        void fails(ServiceHandle app) {
            assertThat(app.exec("echo", "41").stdout()).isEqualTo("42\n");
        }
    }
}
