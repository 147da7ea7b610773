package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.ServiceOutput;
import org.junit.jupiter.api.Test;

/** One-shot jobs (a migration, seed data): run to completion before their dependents start; a failed one fails the start. */
class JobTest {

    private static final String MIGRATE = "psql postgresql://shop:shop@db:5432/shop -v ON_ERROR_STOP=1"
            + " -c 'create table orders (id int)' -c 'insert into orders values (1), (2)' && echo migrated"
            // Its last line: the kernel's uptime (one clock for every container) as it ends.
            + " && cut -d' ' -f1 /proc/uptime";

    @Test
    void aJobRunsToCompletionBeforeItsDependentsStart() {
        long since = Instant.now().getEpochSecond();
        try (RunningTopology running = Flotilla.topology("job")
                .service("db", "postgres:15", s -> s.ports(5432)
                        .env("POSTGRES_USER", "shop").env("POSTGRES_PASSWORD", "shop").env("POSTGRES_DB", "shop")
                        .waitForLog("database system is ready to accept connections", 2))
                .service("migrate", "postgres:15", s -> s.job().dependsOn("db").entrypoint("sh", "-c", MIGRATE))
                .service("app", "busybox:1.36", s -> s.command("sh", "-c", "cut -d' ' -f1 /proc/uptime > /tmp/began; exec sleep 600")
                        .dependsOn("migrate"))
                .build().start()) {
            ServiceHandle migrate = running.service("migrate");
            assertThat(migrate.state().running()).isFalse();
            assertThat(migrate.state().exitCode()).hasValue(0);
            assertThat(migrate.logs()).contains("migrated");
            assertThat(running.service("db").exec("psql", "-U", "shop", "-d", "shop", "-tAc", "select count(*) from orders").stdout().strip())
                    .isEqualTo("2");
            // The dependent's process began after the job had ended (Docker may have started its container ahead, behind a gate).
            List<String> migrateLines = migrate.logs().lines().toList();
            double jobEnded = Double.parseDouble(migrateLines.get(migrateLines.size() - 1).strip());
            // A service with nothing to wait for is ready once it runs, which can be before its shell's first line
            // has written the file (seen on Podman): the file is read once it holds the time.
            String began = running.service("app").exec(Duration.ofSeconds(10), "sh", "-c",
                    "until [ -s /tmp/began ]; do sleep 0.05; done; cat /tmp/began").stdout().strip();
            assertThat(Double.parseDouble(began)).isGreaterThan(jobEnded);
            assertThat(DockerState.createdServices("job", since)).containsExactlyInAnyOrder("db", "migrate", "app");
        }
        assertThat(DockerState.leftoversOfName("job")).isZero();
    }

    @Test
    void aJobThatExitsWithAnotherCodeFailsTheStartWithItsLogAndNoDependentStarts() {
        long since = Instant.now().getEpochSecond();
        var definition = Flotilla.topology("job-fails")
                .service("migrate", "busybox:1.36", s -> s.job().command("sh", "-c", "echo migrating; echo 'relation \"x\" missing' >&2; exit 3"))
                .service("app", "busybox:1.36", s -> s.command("sh", "-c", "echo app-ran; sleep 600").dependsOn("migrate"))
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"migrate\" is a job that failed: the job exited with code 3")
                .hasMessageContaining("\n  state: exited, exit code 3, OOM-killed no\n")
                .hasMessageContaining("| migrating")
                .hasMessageContaining("| relation \"x\" missing");
        // "app" may have been created ahead, behind a gate; its process never ran.
        assertThat(DockerState.createdServices("job-fails", since)).contains("migrate").doesNotHaveDuplicates();
        assertThat(ServiceOutput.printed("job-fails", "app")).doesNotContain("app-ran");
        assertThat(DockerState.leftoversOfName("job-fails")).isZero();
    }

    @Test
    void aJobThatRunsLongerThanItsStartupTimeoutFailsTheStart() {
        var definition = Flotilla.topology("job-slow")
                .service("migrate", "busybox:1.36", s -> s.job().command("sleep", "600").startupTimeout(Duration.ofSeconds(2)))
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"migrate\" is a job that did not complete within 2s: the job is still running");
        assertThat(DockerState.leftoversOfName("job-slow")).isZero();
    }

    @Test
    void aJobWithAReadinessConditionIsRefused() {
        assertThatThrownBy(() -> Flotilla.topology("job-waits")
                .service("migrate", "busybox:1.36", s -> s.job().ports(80).waitForPorts(80))
                .build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageContaining("service \"migrate\" is a job, which is ready once it exits with 0, and also declares"
                        + " [port(s) [80] accepting connections]")
                .hasMessageContaining("remove waitFor from the job, or make it a service that keeps running (job = false)");
    }

    @Test
    void aJobRunsAgainWhenStartedThroughItsHandle() {
        try (RunningTopology running = Flotilla.topology("job-again")
                .service("seed", "busybox:1.36", s -> s.job().command("sh", "-c", "echo seeded"))
                .build().start()) {
            ServiceHandle seed = running.service("seed");
            seed.start();
            assertThat(seed.logs().lines().filter("seeded"::equals).count()).isEqualTo(2);
            assertThat(seed.state().exitCode()).hasValue(0);
            running.heal(); // a job that ended is not a stopped service: nothing to start again
            assertThat(seed.isRunning()).isFalse();
        }
    }
}
