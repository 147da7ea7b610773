package dev.flotilla.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;

/**
 * The floor: the same Docker objects every contender makes (a bridge network, and per service a
 * container with a network alias and port 8080 published on a random port), made with
 * docker-java directly, on the same client Flotilla and Testcontainers use. Each service starts
 * on its own thread as soon as its dependencies answer, and is waited for by a 2 ms HTTP loop;
 * removal is one force-remove per container, all in parallel, then the network.
 */
final class DockerJavaFloor implements Contender {

    private static final String HOST = "127.0.0.1";
    private static final long POLL_MS = 2;
    private static final long TIMEOUT_MS = 60_000;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "floor");
        thread.setDaemon(true);
        return thread;
    });

    private final DockerClient docker = DockerClientFactory.instance().client();

    @Override
    public String name() {
        return "docker-java floor";
    }

    @Override
    public Deployment start(Scenario scenario, List<String> command) {
        String prefix = "bench-floor-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        String networkId = docker.createNetworkCmd().withName(prefix).withDriver("bridge")
                .withLabels(Map.of(Busybox.LABEL, Busybox.RUN_ID)).exec().getId();
        FloorDeployment deployment = new FloorDeployment(networkId);
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        for (ServiceShape service : scenario.services()) {
            CompletableFuture<?>[] dependencies = service.dependsOn().stream().map(ready::get).toArray(CompletableFuture[]::new);
            ready.put(service.name(), CompletableFuture.allOf(dependencies).thenRunAsync(
                    () -> startOne(deployment, prefix, service, command), THREADS));
        }
        try {
            CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            deployment.close();
            throw e;
        }
        return deployment;
    }

    private void startOne(FloorDeployment deployment, String prefix, ServiceShape service, List<String> command) {
        ExposedPort port = ExposedPort.tcp(Busybox.PORT);
        Ports bindings = new Ports();
        bindings.bind(port, Ports.Binding.bindIp(HOST));
        String id = docker.createContainerCmd(Busybox.IMAGE)
                .withName(prefix + "-" + service.name())
                .withLabels(Map.of(Busybox.LABEL, Busybox.RUN_ID))
                .withCmd(command)
                .withExposedPorts(port)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(prefix).withPortBindings(bindings))
                .withAliases(service.name())
                .exec().getId();
        deployment.containers.put(service.name(), id);
        docker.startContainerCmd(id).exec();
        Ports.Binding[] bound = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings().get(port);
        int hostPort = Integer.parseInt(bound[0].getHostPortSpec());
        deployment.ports.put(service.name(), hostPort);
        try {
            HttpProbe.awaitStatus(HOST, hostPort, Busybox.READY_STATUS, POLL_MS, TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final class FloorDeployment implements Deployment {

        private final String networkId;
        private final Map<String, String> containers = new ConcurrentHashMap<>();
        private final Map<String, Integer> ports = new ConcurrentHashMap<>();

        FloorDeployment(String networkId) {
            this.networkId = networkId;
        }

        @Override
        public String address(String service) {
            return HOST + ":" + ports.get(service);
        }

        @Override
        public void close() {
            List<CompletableFuture<Void>> removals = new ArrayList<>();
            for (String id : containers.values()) {
                removals.add(CompletableFuture.runAsync(() -> {
                    try {
                        docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                    } catch (NotFoundException gone) {
                        // nothing to remove
                    }
                }, THREADS));
            }
            CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).join();
            docker.removeNetworkCmd(networkId).exec();
        }
    }
}
