package dev.flotilla.assertj;

import static dev.flotilla.assertj.FlotillaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.flotilla.ExecResult;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** The assertions on commands run in a service, passing and failing on a real container. */
@Topology
@Service(name = "orders", image = "busybox:1.36", command = {"sleep", "3600"})
class ExecAssertionsTest {

    @Test
    void hasExitCode(ServiceHandle orders) {
        assertThat(orders).exec("cat", "/etc/hostname").hasExitCode(0);

        assertThatThrownBy(() -> assertThat(orders).exec("sh", "-c", "echo half; cat /nope").hasExitCode(0))
                .hasMessage("Expecting command [sh, -c, echo half; cat /nope] in service \"orders\" to exit with code 0,"
                        + " but it exited with code 1.\n"
                        + "  stdout: \"half\n\"\n"
                        + "  stderr: \"cat: can't open '/nope': No such file or directory\n\"");
    }

    @Test
    void stdoutAndStderrTakeEveryStringAssertion(ServiceHandle orders) {
        String hostname = orders.exec("hostname").stdout().strip();

        assertThat(orders).exec("cat", "/etc/hostname").hasExitCode(0).stdout().isEqualToIgnoringNewLines(hostname);
        assertThat(orders).exec("sh", "-c", "echo oops >&2").stderr().isEqualTo("oops\n");

        assertThatThrownBy(() -> assertThat(orders).exec("echo", "hi").stdout().isEqualTo("bye\n"))
                .hasMessageStartingWith("[stdout of command [echo, hi] in service \"orders\"] \nexpected: ")
                .hasMessageContaining("but was: ");
        assertThatThrownBy(() -> assertThat(orders).as("greeting").exec("echo", "hi").stdout().isEqualTo("bye\n"))
                .hasMessageStartingWith("[greeting] \nexpected: ");
    }

    @Test
    void aCommandThatCannotRunFailsTheAssertionWithTheServicesState(ServiceHandle orders) {
        orders.stop(Duration.ZERO); // sleep, as PID 1, ignores SIGTERM: kill it at once
        try {
            assertThatThrownBy(() -> assertThat(orders).exec("true"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expecting to run command [true] in service \"orders\", but it could not run: ")
                    .hasMessageContaining("\n  state: exited, exit code 137, OOM-killed no\n");
        } finally {
            orders.start();
        }
    }

    @Test
    void anExecResultOfItsOwnHasTheseAssertionsToo() {
        ExecResult result = new ExecResult(2, "", "usage: x\n");

        assertThat(result).hasExitCode(2).stderr().startsWith("usage");
        assertThatThrownBy(() -> assertThat(result).hasExitCode(0))
                .hasMessage("Expecting the command to exit with code 0, but it exited with code 2.\n  stdout: \"\"\n  stderr: \"usage: x\n\"");
        assertThat((Object) result).asInstanceOf(FlotillaAssertions.EXEC_RESULT).hasExitCode(2);
    }
}
