package dev.flotilla.demo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.TopologyDefinition;

/**
 * Starts the {@link ShopStack} on this machine's Docker engine, prints where each service
 * answers and who depends on whom, and keeps it running until Ctrl-C, which removes every
 * container and the network.
 *
 * <p>The gateway is published on host port 8080, or on the port of the {@code shop.port} system
 * property or the {@code SHOP_PORT} environment variable ({@code 0}: a random free port). Run it
 * from the repository root with {@code mvn -B -q -pl microservice-demo -am -Pshop compile}.
 */
public final class ShopLauncher {

    private static final int GATEWAY_PORT = 8080;

    private ShopLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        int hostPort = hostPort();
        TopologyDefinition shop = Flotilla.fromAnnotations(ShopStack.class);
        if (hostPort != 0) {
            shop = shop.withFixedPort("gateway", GATEWAY_PORT, hostPort);
        }
        AtomicReference<RunningTopology> running = new AtomicReference<>();
        CountDownLatch removed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running.get(), removed), "shop-stop"));

        System.out.println("Starting the shop: " + shop.serviceNames() + " (the first start builds the service images)...");
        long start = System.nanoTime();
        RunningTopology topology = shop.start();
        running.set(topology);
        try {
            System.out.printf("%nThe shop is up in %.1f s (network %s):%n%n", (System.nanoTime() - start) / 1e9, topology.networkName());
            printHowToUse(shop, topology);
        } catch (RuntimeException | Error e) {
            // Close here, not in the shutdown hook: exec:java closes the class loader once main has thrown,
            // and a hook could then no longer load the classes that removing containers needs.
            topology.close();
            throw e;
        }
        removed.await();
    }

    private static void printHowToUse(TopologyDefinition shop, RunningTopology topology) {
        System.out.print(TopologyPicture.of(shop, name -> describe(shop, topology.service(name))));
        String gateway = "http://" + topology.service("gateway").address(GATEWAY_PORT);
        System.out.println();
        System.out.println("Gateway (the entry point): " + gateway);
        System.out.println("  curl " + gateway + "/stock/widget");
        System.out.println("  curl -X POST -H 'Content-Type: application/json' -d '{\"sku\":\"widget\",\"quantity\":2}' " + gateway + "/orders");
        System.out.println("  curl " + gateway + "/orders/1");
        System.out.println();
        System.out.println("Press Ctrl-C to stop and remove every container and the network.");
    }

    /** {@code http://...} for the Java services, {@code host:port} for the databases, and where each comes from. */
    private static String describe(TopologyDefinition definition, ServiceHandle service) {
        List<Integer> ports = definition.portsOf(service.name());
        String image = definition.imageOf(service.name());
        boolean javaApp = image.isEmpty();
        String addresses = String.join(", ", ports.stream()
                .map(port -> (javaApp ? "http://" : "") + service.address(port))
                .toList());
        return addresses + "   (" + (javaApp ? "Java service, built image" : image) + ")";
    }

    private static void stop(RunningTopology topology, CountDownLatch removed) {
        if (topology != null) {
            System.out.println("\nStopping the shop...");
            topology.close();
            System.out.println("Removed every container and the network of the shop.");
        }
        removed.countDown();
    }

    private static int hostPort() {
        String configured = System.getProperty("shop.port", System.getenv().getOrDefault("SHOP_PORT", Integer.toString(GATEWAY_PORT)));
        try {
            int port = Integer.parseInt(configured.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shop.port / SHOP_PORT \"" + configured + "\" is not a port. Fix: use 1 to 65535, or 0 for a random port.", e);
        }
    }
}
