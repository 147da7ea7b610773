package dev.flotilla.assertj;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.flotilla.ExecResult;
import dev.flotilla.FlotillaException;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceState;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a running service of a topology: its state ({@link ServiceHandle#state()}), its
 * log, and commands run in it. Each failure message shows the service's state and the last
 * lines of its log.
 *
 * <pre>{@code
 * assertThat(orders).isRunning().hasLogLineMatching("started in .* ms");
 * assertThat(orders).eventually(Duration.ofSeconds(5)).hasLogLineMatching("ready");
 * assertThat(db).hasExitCode(0);
 * }</pre>
 *
 * <p>The state is asked of the engine at each assertion, not once: {@code isRunning()} after a
 * {@code stop()} sees the stop. Create it with {@link FlotillaAssertions#assertThat(ServiceHandle)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ServiceHandleAssert extends AbstractAssert<ServiceHandleAssert, ServiceHandle> {

    /** How often {@link #eventually(Duration)} looks again. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Duration patience;

    /**
     * An assertion on {@code actual} that checks at once; prefer
     * {@link FlotillaAssertions#assertThat(ServiceHandle)}.
     *
     * @param actual the service's handle; may be {@code null}, which every assertion then reports
     */
    public ServiceHandleAssert(ServiceHandle actual) {
        this(actual, Duration.ZERO);
    }

    private ServiceHandleAssert(ServiceHandle actual, Duration patience) {
        super(actual, ServiceHandleAssert.class);
        this.patience = patience;
    }

    /**
     * The same assertion, but each check that follows on the service's state and log lines is
     * tried again, every 50 ms, until it holds or {@code timeout} has passed; only then does it
     * fail. {@link #logs()} and {@link #exec(String...)} look once.
     *
     * <pre>{@code assertThat(orders).eventually(Duration.ofSeconds(5)).hasLogLineMatching("ready");}</pre>
     *
     * @param timeout how long the checks that follow may take to hold; not {@code null}
     * @return a new assertion with this one's description and error message, which waits
     */
    public ServiceHandleAssert eventually(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        ServiceHandleAssert patient = new ServiceHandleAssert(actual, timeout);
        patient.info.description(info.description());
        if (info.overridingErrorMessage() != null) {
            patient.info.overridingErrorMessage(info.overridingErrorMessage());
        }
        return patient;
    }

    /**
     * Verifies that the service's container is running (paused counts as running).
     *
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert isRunning() {
        return holds("to be running", service -> {
            ServiceState state = service.state();
            return state.running() ? null : "it is " + state.status();
        });
    }

    /**
     * Verifies that the service's container is not running: stopped, exited, or never started.
     *
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert isNotRunning() {
        return holds("not to be running", service -> {
            ServiceState state = service.state();
            return state.running() ? "it is " + state.status() : null;
        });
    }

    /**
     * Verifies the engine's word for the container's status, such as {@code running}, {@code exited} or {@code paused}.
     *
     * @param status the expected status, compared exactly
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert hasStatus(String status) {
        return holds("to have status \"" + status + "\"", service -> {
            ServiceState state = service.state();
            return state.status().equals(status) ? null : "its status is \"" + state.status() + "\"";
        });
    }

    /**
     * Verifies that the container has exited with {@code exitCode}. A container that runs and never exited has none.
     *
     * @param exitCode the expected exit code
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert hasExitCode(long exitCode) {
        return holds("to have exited with code " + exitCode, service -> {
            ServiceState state = service.state();
            if (state.running() || state.exitCode().isEmpty()) {
                return "it has not exited (it is " + state.status() + ")";
            }
            return state.exitCode().getAsLong() == exitCode ? null : "it exited with code " + state.exitCode().getAsLong();
        });
    }

    /**
     * Verifies that the engine reports that the kernel's OOM killer ended the container (it
     * used more memory than its {@code memory} limit).
     *
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert wasOomKilled() {
        return holds("to have been OOM-killed", service -> service.state().oomKilled() ? null : "it was not");
    }

    /**
     * Verifies that the engine does not report an OOM kill of the container.
     *
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert wasNotOomKilled() {
        return holds("not to have been OOM-killed", service -> service.state().oomKilled() ? "it was" : null);
    }

    /**
     * Verifies the status of the image's health check: {@code starting}, {@code healthy} or
     * {@code unhealthy}.
     *
     * @param health the expected health status, compared exactly
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert hasHealth(String health) {
        return holds("to be " + health + " by its health check", service -> {
            ServiceState state = service.state();
            if (state.health().isEmpty()) {
                return "it has no health status (its image declares no HEALTHCHECK, or the engine runs none)";
            }
            return state.health().get().equals(health) ? null : "it is " + state.health().get();
        });
    }

    /**
     * Verifies that a line of the service's log (stdout and stderr) contains a match of
     * {@code regex}, as {@code @WaitFor(log = ...)} looks for one.
     *
     * @param regex the regular expression, found anywhere in a line
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert hasLogLineMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return holds("to have a log line matching /" + regex + "/", service -> {
            List<String> lines = ServiceReport.lines(service.logs());
            return lines.stream().anyMatch(line -> pattern.matcher(line).find()) ? null : ServiceReport.noneOf(lines);
        });
    }

    /**
     * Verifies that no line of the service's log contains a match of {@code regex}.
     *
     * @param regex the regular expression, found anywhere in a line
     * @return this assertion, for chaining
     */
    public ServiceHandleAssert hasNoLogLineMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return holds("to have no log line matching /" + regex + "/", service -> ServiceReport.lines(service.logs()).stream()
                .filter(line -> pattern.matcher(line).find()).findFirst().map(line -> "it has: \"" + line + "\"").orElse(null));
    }

    /**
     * Assertions on the service's log as it is now: stdout and stderr, one line per line, secret
     * values masked. They include every assertion on a {@code String}.
     *
     * @return the assertions on the log, with this assertion's description
     */
    public ServiceLogsAssert logs() {
        isNotNull();
        return described(new ServiceLogsAssert(actual, actual.logs()));
    }

    /**
     * Runs {@code command} in the service's container (waiting at most {@code flotilla.exec.timeout})
     * and returns assertions on what it left behind.
     *
     * <pre>{@code assertThat(orders).exec("cat", "/etc/hostname").hasExitCode(0).stdout().isNotBlank();}</pre>
     *
     * @param command the command and its arguments, one argument each
     * @return the assertions on the command's result, with this assertion's description
     * @throws AssertionError if the command could not run or did not end in time
     */
    public ExecResultAssert exec(String... command) {
        isNotNull();
        String what = "command " + Arrays.toString(command) + " in " + ServiceReport.name(actual);
        ExecResult result;
        try {
            result = actual.exec(command);
        } catch (FlotillaException e) {
            throw assertionError(new Failure("Expecting to run " + what + ", but it could not run: " + e.getMessage()
                    + ServiceReport.of(actual)));
        }
        return described(new ExecResultAssert(result, what));
    }

    /** An assertion this one leads to, with this one's description. */
    private <A extends AbstractAssert<A, ?>> A described(A next) {
        if (info.hasDescription()) {
            next.info.description(info.description());
        }
        return next;
    }

    /**
     * Passes if {@code problem} finds none (returns null), at once or, with patience, within it;
     * fails otherwise with what it found last, the state and the log's tail.
     */
    private ServiceHandleAssert holds(String expectation, Function<ServiceHandle, String> problem) {
        isNotNull();
        long start = System.nanoTime();
        int looks = 0;
        while (true) {
            String found = problem.apply(actual);
            looks++;
            if (found == null) {
                return myself;
            }
            long waited = System.nanoTime() - start;
            if (waited >= patience.toNanos()) {
                String within = patience.isZero() ? "" : " within " + readable(patience);
                String after = patience.isZero() ? "" : " (after " + readable(Duration.ofNanos(waited)) + " and " + looks + " looks)";
                throwAssertionError(new Failure("Expecting " + ServiceReport.name(actual) + " " + expectation + within + ", but "
                        + found + after + "." + ServiceReport.of(actual)));
            }
            try {
                Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Math.max(1, (patience.toNanos() - waited) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throwAssertionError(new Failure("Interrupted while waiting for " + ServiceReport.name(actual) + " " + expectation
                        + "; last seen: " + found + "." + ServiceReport.of(actual)));
            }
        }
    }

    /** {@code 500 ms}, {@code 5 s}, {@code 2.5 s}. */
    static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
