package dev.flotilla.assertj;

import dev.flotilla.ExecResult;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import org.apiguardian.api.API;
import org.assertj.core.api.InstanceOfAssertFactory;

/**
 * The entry point of Flotilla's AssertJ assertions, beside AssertJ's own {@code Assertions}:
 *
 * <pre>{@code
 * import static dev.flotilla.assertj.FlotillaAssertions.assertThat;
 *
 * assertThat(orders).isRunning().logs().containsLineMatching("started in .* ms");
 * assertThat(orders).eventually(Duration.ofSeconds(5)).hasLogLineMatching("ready");
 * assertThat(topology).service("db").hasExitCode(0);
 * assertThat(orders).exec("cat", "/etc/hostname").hasExitCode(0).stdout().isNotBlank();
 * }</pre>
 *
 * <p>Both {@code assertThat}s can be imported statically in the same class: Java picks the one
 * that fits the argument. AssertJ is an optional dependency of Flotilla: add
 * {@code org.assertj:assertj-core} to the test class path to use these. The class can be
 * extended, as AssertJ's {@code Assertions} can, to gather a project's own entry points in one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class FlotillaAssertions {

    /** For {@code asInstanceOf}: {@code assertThat(object).asInstanceOf(SERVICE_HANDLE).isRunning()}. */
    public static final InstanceOfAssertFactory<ServiceHandle, ServiceHandleAssert> SERVICE_HANDLE =
            new InstanceOfAssertFactory<>(ServiceHandle.class, FlotillaAssertions::assertThat);

    /** For {@code asInstanceOf}: {@code assertThat(object).asInstanceOf(RUNNING_TOPOLOGY).hasServices("db")}. */
    public static final InstanceOfAssertFactory<RunningTopology, RunningTopologyAssert> RUNNING_TOPOLOGY =
            new InstanceOfAssertFactory<>(RunningTopology.class, FlotillaAssertions::assertThat);

    /** For {@code asInstanceOf}: {@code assertThat(object).asInstanceOf(EXEC_RESULT).hasExitCode(0)}. */
    public static final InstanceOfAssertFactory<ExecResult, ExecResultAssert> EXEC_RESULT =
            new InstanceOfAssertFactory<>(ExecResult.class, FlotillaAssertions::assertThat);

    /** For subclasses that gather more entry points; the methods are static. */
    protected FlotillaAssertions() {
    }

    /**
     * Assertions on a service of a running topology: its state, its log, commands run in it.
     *
     * @param actual the service's handle
     * @return the assertions on it
     */
    public static ServiceHandleAssert assertThat(ServiceHandle actual) {
        return new ServiceHandleAssert(actual);
    }

    /**
     * Assertions on a started topology and its services.
     *
     * @param actual the running topology
     * @return the assertions on it
     */
    public static RunningTopologyAssert assertThat(RunningTopology actual) {
        return new RunningTopologyAssert(actual);
    }

    /**
     * Assertions on what a command run with {@code exec} left behind.
     *
     * @param actual the result of {@link ServiceHandle#exec(String...)}
     * @return the assertions on it
     */
    public static ExecResultAssert assertThat(ExecResult actual) {
        return new ExecResultAssert(actual);
    }
}
