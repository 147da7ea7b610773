package dev.flotilla.assertj;

import dev.flotilla.ExecResult;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on what a command run with {@link dev.flotilla.ServiceHandle#exec(String...) exec}
 * left behind: its exit code, and its output, on which every assertion on a {@code String}
 * applies. A failed exit code shows both outputs.
 *
 * <pre>{@code assertThat(orders).exec("cat", "/etc/hostname").hasExitCode(0).stdout().isNotBlank();}</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ExecResultAssert extends AbstractAssert<ExecResultAssert, ExecResult> {

    /** The output a failure message shows at most, from its end. */
    private static final int LONGEST_OUTPUT = 2_000;

    private final String what;

    /**
     * Assertions on {@code actual}; prefer {@link FlotillaAssertions#assertThat(ExecResult)}.
     *
     * @param actual the result to check; may be {@code null}, which every assertion then reports
     */
    public ExecResultAssert(ExecResult actual) {
        this(actual, "the command");
    }

    /** @param what the command and where it ran, for messages: {@code command [cat, /etc/hostname] in service "orders"} */
    ExecResultAssert(ExecResult actual, String what) {
        super(actual, ExecResultAssert.class);
        this.what = what;
    }

    /**
     * Verifies that the command ended with {@code exitCode}.
     *
     * @param exitCode the expected exit code
     * @return this assertion, for chaining
     */
    public ExecResultAssert hasExitCode(int exitCode) {
        isNotNull();
        if (actual.exitCode() != exitCode) {
            throwAssertionError(new Failure("Expecting " + what + " to exit with code " + exitCode + ", but it exited with code "
                    + actual.exitCode() + "." + "\n  stdout: " + quote(actual.stdout()) + "\n  stderr: " + quote(actual.stderr())));
        }
        return myself;
    }

    /**
     * Assertions on what the command wrote to standard output.
     *
     * @return an assertion on the standard output, described as the command's {@code stdout} unless this assertion has
     *     a description of its own
     */
    public AbstractStringAssert<?> stdout() {
        return output("stdout", actual == null ? null : actual.stdout());
    }

    /**
     * Assertions on what the command wrote to standard error.
     *
     * @return an assertion on the standard error, described as the command's {@code stderr} unless this assertion has a
     *     description of its own
     */
    public AbstractStringAssert<?> stderr() {
        return output("stderr", actual == null ? null : actual.stderr());
    }

    private AbstractStringAssert<?> output(String stream, String output) {
        isNotNull();
        AbstractStringAssert<?> next = Assertions.assertThat(output);
        return info.hasDescription() ? next.as(info.description()) : next.as("%s", stream + " of " + what);
    }

    private static String quote(String output) {
        String shown = output.length() > LONGEST_OUTPUT ? "..." + output.substring(output.length() - LONGEST_OUTPUT) : output;
        return "\"" + shown + "\"";
    }
}
