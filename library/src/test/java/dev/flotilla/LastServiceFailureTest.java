package dev.flotilla;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.RepeatedTest;

/**
 * When the service started last fails, the start fails: its failure must not be lost in the race
 * between recording it and the end of the wait for all services. Repeated, since it was a race.
 */
class LastServiceFailureTest {

    @RepeatedTest(3)
    void aTakenFixedPortOnTheLastServiceFailsTheWholeStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TopologyDefinition topology = Flotilla.topology("last-fails")
                    .service("first", "busybox:1.36", s -> s.command("sleep", "60"))
                    .service("last", "busybox:1.36", s -> s.command("sleep", "60").fixedPort(taken.getLocalPort(), 80).dependsOn("first"))
                    .build();

            assertThatThrownBy(topology::start)
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageStartingWith("Service \"last\" could not publish its ports: a host port is already in use on 127.0.0.1"
                            + " (fixedPorts [" + taken.getLocalPort() + ":80])")
                    .hasMessageContaining(", image busybox:1.36\n");
        }
    }
}
