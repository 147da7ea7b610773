package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** Three replicas behind one name: clients reach them in turn, the test reaches each one and scales the service. */
@Topology
@Service(name = "web", image = "busybox:1.36", replicas = 3, ports = 80,
        command = {"sh", "-c", "trap exit TERM; hostname > /tmp/index.html; httpd -p 80 -h /tmp; while sleep 1; do :; done"})
@Service(name = "client", image = "busybox:1.36", command = {"sleep", "3600"}, dependsOn = "web")
class ReplicasTest {

    @Test
    void clientsReachTheReplicasInTurnByTheServicesName(ServiceHandle web, ServiceHandle client) {
        String answers = client.exec("sh", "-c", "for i in $(seq 20); do wget -qO- http://web/; done").stdout();
        assertThat(answers.lines().distinct().count()).isGreaterThan(1); // each lookup of "web" leads to another replica first
        assertThat(web.replicas()).hasSize(3);                            // a handle per replica; web's own is replica 1's
    }

    @Test
    void theTestScalesTheService(ServiceHandle web) {
        web.scale(4);                                                     // returns once the new replica is ready
        assertThat(web.replicas()).hasSize(4).allSatisfy(replica -> assertThat(replica.isRunning()).isTrue());
        web.scale(1);                                                     // replicas 2 to 4 stopped and removed
        assertThat(web.replicas()).hasSize(1);
    }                                                                     // back to 3 replicas for the next test
}
