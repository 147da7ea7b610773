package dev.flotilla.assertj;

import static dev.flotilla.assertj.FlotillaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/**
 * The assertions on a service's log lines, passing and failing on a real container's output;
 * a failure shows the last 20 lines, with the service's secret masked as its log has it.
 */
@Topology
@Service(name = "orders", image = "busybox:1.36", secrets = "TOKEN=" + LogAssertionsTest.SECRET,
        command = {"sh", "-c", "echo 'started in 42 ms'; for i in $(seq 1 30); do echo \"line $i\"; done; echo \"token=$TOKEN\";"
                + " exec sleep 3600"},
        waitFor = @WaitFor(log = "token="))
class LogAssertionsTest {

    static final String SECRET = "s3cr3t-of-the-orders";

    /** The log's last 20 lines as a failure shows them: "line 12" to "line 30", then the masked token. */
    private static final String TAIL = "\n  state: running\n  last 20 of 32 log lines:\n"
            + IntStream.rangeClosed(12, 30).mapToObj(i -> "    | line " + i + "\n").collect(Collectors.joining())
            + "    | token=******";

    @Test
    void containsLineMatching(ServiceHandle orders) {
        assertThat(orders).isRunning().logs().containsLineMatching("started in .* ms").contains("line 30");

        assertThatThrownBy(() -> assertThat(orders).logs().containsLineMatching("ready"))
                .hasMessage("Expecting the log of service \"orders\" to contain a line matching /ready/, but none of its 32 log lines does."
                        + TAIL)
                .message().doesNotContain(SECRET);
    }

    @Test
    void doesNotContainLineMatching(ServiceHandle orders) {
        assertThat(orders).logs().doesNotContainLineMatching("Exception|ERROR");

        assertThatThrownBy(() -> assertThat(orders).logs().doesNotContainLineMatching("line [0-9]+7"))
                .hasMessage("Expecting the log of service \"orders\" to contain no line matching /line [0-9]+7/,"
                        + " but it contains \"line 17\"." + TAIL);
    }

    @Test
    void hasLogLineMatching(ServiceHandle orders) {
        assertThat(orders).hasLogLineMatching("^token=");

        assertThatThrownBy(() -> assertThat(orders).hasLogLineMatching("ready"))
                .hasMessage("Expecting service \"orders\" to have a log line matching /ready/, but none of its 32 log lines does." + TAIL);
    }

    @Test
    void hasNoLogLineMatching(ServiceHandle orders) {
        assertThat(orders).hasNoLogLineMatching("ready");

        assertThatThrownBy(() -> assertThat(orders).hasNoLogLineMatching("started"))
                .hasMessage("Expecting service \"orders\" to have no log line matching /started/, but it has: \"started in 42 ms\"." + TAIL);
    }

    @Test
    void theLogTakesEveryStringAssertionAndItsMessagesMaskTheSecretToo(ServiceHandle orders) {
        assertThat(orders).logs().startsWith("started in 42 ms\nline 1\n").endsWith("token=******").doesNotContain(SECRET);

        assertThatThrownBy(() -> assertThat(orders).logs().doesNotContain("token"))
                .hasMessageContaining("token=******")
                .message().doesNotContain(SECRET);
    }
}
