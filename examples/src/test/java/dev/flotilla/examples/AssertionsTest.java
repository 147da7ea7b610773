package dev.flotilla.examples;

import static dev.flotilla.assertj.FlotillaAssertions.assertThat;

import java.time.Duration;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

@Topology
@Service(name = "orders", image = "busybox:1.36", waitFor = @WaitFor(log = "started in"),
        command = {"sh", "-c", "echo 'started in 42 ms'; sleep 2; echo ready; exec sleep 3600"})
class AssertionsTest {

    @Test
    void ordersStartsAndBecomesReady(ServiceHandle orders) {
        assertThat(orders).isRunning().logs().containsLineMatching("started in .* ms");
        assertThat(orders).eventually(Duration.ofSeconds(10)).hasLogLineMatching("ready");   // polls until it holds
        assertThat(orders).exec("cat", "/etc/hostname").hasExitCode(0).stdout().isNotBlank();
    }
}
