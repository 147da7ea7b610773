package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.dockerjava.api.model.Container;
import dev.flotilla.ActiveFault;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * Replicas on real containers: each a container of its own answering to the service's name, so a
 * client's lookups reach them in turn; a handle per replica; scaling up and down while running.
 */
class ReplicasTest {

    /** Answers HTTP with its own host name; leaves at once on SIGTERM, so a scale-down does not wait out the grace. */
    static final String SERVES_ITS_HOSTNAME = "trap 'exit 0' TERM; mkdir -p /www; hostname > /www/index.html;"
            + " httpd -p 80 -h /www; while true; do sleep 1; done";
    /** At its start, asks every address of "web" for its page; "checked" once it has. */
    private static final String ASKS_EVERY_REPLICA = "for ip in $(nslookup web | awk '/^Address: /{print $2}'); do"
            + " echo \"$ip says $(timeout 5 wget -qO- http://$ip/ || echo nothing)\"; done; echo checked; exec sleep 600";

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "web", image = "busybox:1.36", replicas = 3, ports = 80, aliases = "www",
            command = {"sh", "-c", SERVES_ITS_HOSTNAME})
    @Service(name = "client", image = "busybox:1.36", dependsOn = "web", command = {"sh", "-c", ASKS_EVERY_REPLICA},
            waitFor = @WaitFor(log = "checked"))
    @interface ThreeWebReplicas {
    }

    @Test
    void eachReplicaIsAContainerOfItsOwnAndClientsReachThemInTurnByName() throws Exception {
        String instance;
        try (RunningTopology running = Flotilla.fromAnnotations(ThreeWebReplicas.class).start()) {
            instance = running.instanceId();
            ServiceHandle web = running.service("web");
            List<ServiceHandle> replicas = web.replicas();
            assertThat(replicas).hasSize(3);
            assertThat(replicas.get(0).containerId()).isEqualTo(web.containerId());
            assertThat(replicas).extracting(ServiceHandle::containerId).doesNotHaveDuplicates();
            assertThat(replicas).extracting(ServiceHandle::name).containsOnly("web");

            // Docker says: three containers of the service, labelled with their index, each with its own host port.
            List<Container> containers = DockerState.containers(Labels.TOPOLOGY, instance).stream()
                    .filter(c -> "web".equals(c.getLabels().get(Labels.SERVICE))).toList();
            assertThat(containers).extracting(c -> c.getLabels().get(Labels.REPLICA)).containsExactlyInAnyOrder("1", "2", "3");
            Set<String> hostnames = new HashSet<>();
            for (ServiceHandle replica : replicas) {
                String hostname = replica.exec("hostname").stdout().strip();
                assertThat(httpGet(replica.uri(80))).isEqualTo(hostname + "\n");
                hostnames.add(hostname);
            }
            assertThat(hostnames).hasSize(3);

            // The client started only once every replica answered: it asked each address of "web" at its start.
            ServiceHandle client = running.service("client");
            List<String> answeredAtStart = client.logs().lines().filter(line -> line.contains(" says "))
                    .map(line -> line.substring(line.indexOf(" says ") + 6)).toList();
            assertThat(answeredAtStart).containsExactlyInAnyOrderElementsOf(hostnames);

            // Both names resolve to all three. Docker's DNS rotates its answer, so separate lookups lead to different replicas;
            // Podman's (aardvark-dns) gives the same order every time, so a client that takes the first address stays on one.
            assertThat(addresses(client, "web", 3)).hasSize(3).isEqualTo(addresses(client, "www", 3));
            Set<String> answers = new HashSet<>(client.exec("sh", "-c", "for i in $(seq 1 30); do timeout 5 wget -qO- http://web/; done")
                    .stdout().lines().toList());
            if (DockerState.isPodman()) {
                assertThat(answers).hasSize(1);
            } else {
                assertThat(answers).hasSizeGreaterThan(1);
            }
            assertThat(hostnames).containsAll(answers);
        }
        assertThat(DockerState.containers(Labels.TOPOLOGY, instance)).isEmpty();
        assertThat(DockerState.networks(Labels.TOPOLOGY, instance)).isZero();
    }

    @Test
    void aServiceScalesUpAndDownWhileItRuns() throws Exception {
        String instance;
        try (RunningTopology running = webAndClient("scaling", 3)) {
            instance = running.instanceId();
            ServiceHandle web = running.service("web");
            ServiceHandle client = running.service("client");
            List<String> before = web.replicas().stream().map(ServiceHandle::containerId).toList();

            web.scale(4);
            List<ServiceHandle> four = web.replicas();
            assertThat(four).hasSize(4);
            assertThat(four.subList(0, 3)).extracting(ServiceHandle::containerId).isEqualTo(before);
            ServiceHandle fourth = four.get(3);
            assertThat(fourth.isRunning()).isTrue();
            String fourthHostname = fourth.exec("hostname").stdout().strip();
            assertThat(httpGet(fourth.uri(80))).isEqualTo(fourthHostname + "\n");
            assertThat(addresses(client, "web", 4)).hasSize(4);
            assertThat(answerAtItsAddress(client, fourth)).isEqualTo(fourthHostname);
            assertThat(webContainers(instance)).hasSize(4);
            assertThat(record(running).moreReplicas()).extracting(r -> r.stdoutFile().orElseThrow().getFileName().toString())
                    .contains("web-2.log", "web-3.log", "web-4.log");

            web.scale(1);
            assertThat(web.replicas()).extracting(ServiceHandle::containerId).containsExactly(before.get(0));
            assertThat(webContainers(instance)).extracting(Container::getId).containsExactly(before.get(0));
            if (DockerState.dnsAnswersRightAfterAStop()) {
                assertThat(addresses(client, "web", 1)).hasSize(1);
            }
            assertThatThrownBy(fourth::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot start replica 4 of service \"web\": scale(...) removed it."
                            + " Fix: use the handles of replicas() as they are now.");

            assertThatThrownBy(() -> web.scale(0))
                    .isInstanceOf(FlotillaConfigurationException.class)
                    .hasMessage("scale(0) on service \"web\" of topology \"scaling\": 0 replicas: a service runs at least one."
                            + " Fix: ask for 1 replica or more.");

            // Healing, as after each test of a topology that outlives it, scales back to the declared replicas.
            running.heal();
            assertThat(web.replicas()).hasSize(3).allSatisfy(replica -> assertThat(replica.isRunning()).isTrue());
            for (ServiceHandle replica : web.replicas()) {
                assertThat(answerAtItsAddress(client, replica)).isEqualTo(replica.exec("hostname").stdout().strip());
            }
            if (DockerState.dnsAnswersRightAfterAStop()) {
                assertThat(addresses(client, "web", 3)).hasSize(3);
            }
        }
        assertThat(DockerState.containers(Labels.TOPOLOGY, instance)).isEmpty();
        assertThat(DockerState.networks(Labels.TOPOLOGY, instance)).isZero();
    }

    @Test
    void stoppingOneReplicaLeavesTheOthersAnsweringAndHealStartsItAgain() {
        try (RunningTopology running = webAndClient("failover", 2)) {
            ServiceHandle web = running.service("web");
            ServiceHandle second = web.replicas().get(1);
            String secondHostname = second.exec("hostname").stdout().strip();

            ServiceHandle client = running.service("client");
            String firstHostname = web.exec("hostname").stdout().strip();

            web.stop();
            assertThat(web.isRunning()).isFalse();
            assertThat(second.isRunning()).isTrue();
            assertThat(answerAtItsAddress(client, second)).isEqualTo(secondHostname);
            if (DockerState.dnsAnswersRightAfterAStop()) {
                // A stopped container leaves the name's answers: every lookup now reaches the one left.
                assertThat(client.exec("sh", "-c", "for i in $(seq 1 10); do timeout 5 wget -qO- http://web/; done")
                        .stdout().lines().distinct().toList()).containsExactly(secondHostname);
            }

            running.heal();
            assertThat(web.isRunning()).isTrue();
            assertThat(answerAtItsAddress(client, web)).isEqualTo(firstHostname);
            if (DockerState.dnsAnswersRightAfterAStop()) {
                assertThat(addresses(client, "web", 2)).hasSize(2);
            }

            second.kill();
            assertThatThrownBy(second::pause)
                    .isInstanceOf(FlotillaException.class)
                    .hasMessageStartingWith("Cannot pause replica 2 of service \"web\": it is not running (exited, exit code 137)");
            running.heal();
            assertThat(second.isRunning()).isTrue();
        }
    }

    @Test
    void aCutLinkToAServiceCutsItFromEveryReplica() {
        try (RunningTopology running = webAndClient("replica-cut", 3)) {
            ServiceHandle client = running.service("client");
            String everyReplica = "for ip in $(nslookup web | awk '/^Address: /{print $2}'); do timeout 2 wget -qO- http://$ip/ || echo cut; done";

            try (ActiveFault cut = running.network().between("client", "web").cut()) {
                assertThat(cut.description()).isEqualTo("cut on client -> web, both ways, by the packet filter of \"client\"");
                assertThat(client.exec("sh", "-c", everyReplica).stdout().lines().toList()).containsExactly("cut", "cut", "cut");
            }
            assertThat(client.exec("sh", "-c", everyReplica).stdout().lines().toList()).hasSize(3).doesNotContain("cut");
        }
    }

    @Test
    void aScaleUpWhoseReplicaFailsRemovesWhatItAddedAndSaysWhy() {
        // A replica that finds more than three addresses for "web" (itself included) at its start exits 3.
        String atMostThree = "[ $(nslookup web | grep -c '^Address: ') -le 3 ] || { echo too many; exit 3; }; " + SERVES_ITS_HOSTNAME;
        try (RunningTopology running = Flotilla.topology("failing-scale")
                .service("web", "busybox:1.36", s -> s.replicas(3).ports(80).command("sh", "-c", atMostThree))
                .build().start()) {
            ServiceHandle web = running.service("web");
            List<String> before = web.replicas().stream().map(ServiceHandle::containerId).toList();

            assertThatThrownBy(() -> web.scale(5))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("Service \"web\" (replica ")
                    .hasMessageContaining("exit code 3")
                    .hasMessageContaining("| too many");
            assertThat(web.replicas()).extracting(ServiceHandle::containerId).isEqualTo(before);
            assertThat(webContainers(running.instanceId())).hasSize(3);
        }
    }

    /** A "web" of {@code replicas} answering HTTP with their host names, and a "client" to ask them from. */
    private static RunningTopology webAndClient(String topology, int replicas) {
        return Flotilla.topology(topology)
                .service("web", "busybox:1.36", s -> s.replicas(replicas).ports(80).command("sh", "-c", SERVES_ITS_HOSTNAME))
                .service("client", "busybox:1.36", s -> s.command("sleep", "600"))
                .build().start();
    }

    private static List<Container> webContainers(String instance) {
        return DockerState.containers(Labels.TOPOLOGY, instance).stream().filter(c -> "web".equals(c.getLabels().get(Labels.SERVICE))).toList();
    }

    private static InstanceRecord record(RunningTopology running) {
        return RunReport.get().instance(running.instanceId()).orElseThrow();
    }

    /**
     * The addresses the client's lookup of {@code name} gets, once there are {@code expected}. Podman's DNS
     * (aardvark-dns) takes a moment to take in containers that came or went (seen: no address at all for 2 s
     * after a scale-down), so there it is asked again for up to 10 s; Docker's is asked once.
     */
    private static List<String> addresses(ServiceHandle client, String name, int expected) {
        // Podman's DNS answers a name late after its containers change: a second or two alone, over
        // ten seconds in CI while other builds run beside it (seen in .ci/run). Docker's answers at once.
        long deadline = System.nanoTime() + (DockerState.isPodman() ? 45_000_000_000L : 0);
        List<String> found = lookUp(client, name);
        while (found.size() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = lookUp(client, name);
        }
        return found;
    }

    /** What {@code replica} answers the client at its own address, the engine's DNS left out. */
    private static String answerAtItsAddress(ServiceHandle client, ServiceHandle replica) {
        String address = replica.exec("hostname", "-i").stdout().strip();
        return client.exec("timeout", "5", "wget", "-qO-", "http://" + address + "/").stdout().strip();
    }

    private static List<String> lookUp(ServiceHandle client, String name) {
        return client.exec("sh", "-c", "nslookup " + name + " | awk '/^Address: /{print $2}'").stdout().lines().sorted().toList();
    }

    private static String httpGet(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
