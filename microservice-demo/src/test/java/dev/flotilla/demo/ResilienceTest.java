package dev.flotilla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.flotilla.ActiveFault;
import dev.flotilla.Endpoint;
import dev.flotilla.Fault;
import dev.flotilla.ServiceHandle;
import dev.flotilla.TopologyNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shop with parts of its network misbehaving: inventory's Redis slow, orders cut off from
 * PostgreSQL. The @Fault on a method places Flotilla's proxy on inventory -> redis, so this class
 * runs on an instance of its own (its topology differs from the other classes' by that proxy).
 */
@ShopStack
class ResilienceTest {

    @Endpoint("gateway:8080")
    URI gatewayUri;

    ServiceHandle postgres;
    ServiceHandle redis;

    private Gateway gateway;

    @BeforeEach
    void client() {
        gateway = new Gateway(gatewayUri);
    }

    @Test
    @Fault(from = "inventory", to = "redis", kind = Fault.Kind.LATENCY, latency = "500ms")
    void withRedisSlowTheGatewayAnswersWithinItsTimeoutNamingInventory() throws Exception {
        long began = System.nanoTime();
        Gateway.Answer slow = gateway.placeOrder("widget", 1);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        // Every Redis round trip of inventory now takes at least a second; the gateway waits 800 ms.
        assertThat(slow.status()).as("answer %s", slow.body()).isEqualTo(503);
        assertThat(slow.body().get("error").asText()).isEqualTo("inventory is unavailable");
        assertThat(slow.body().get("service").asText()).isEqualTo("inventory");
        assertThat(tookMillis).isBetween(800L, 2_000L);
    }

    @Test
    void withOrdersCutOffFromPostgresAnOrderIsRefusedAndNoStockIsLost(TopologyNetwork network) throws Exception {
        long stockBefore = ShopData.stock(redis, "gadget");
        long ordersBefore = ShopData.orderCount(postgres);

        try (ActiveFault partition = network.between("orders", "postgres").cut()) {
            Gateway.Answer refused = gateway.placeOrder("gadget", 2);

            assertThat(refused.status()).as("answer %s", refused.body()).isEqualTo(503);
            assertThat(refused.body().get("service").asText()).isEqualTo("orders");
            assertThat(ShopData.stock(redis, "gadget")).as("stock given back").isEqualTo(stockBefore);
            // orders' own connection attempt ends after its 2 s connect timeout: nothing is stored late.
            Thread.sleep(2_500);
        }

        Gateway.Answer placed = gateway.placeOrder("gadget", 2);
        assertThat(placed.status()).as("answer %s", placed.body()).isEqualTo(201);
        assertThat(ShopData.stock(redis, "gadget")).isEqualTo(stockBefore - 2);
        assertThat(ShopData.orderCount(postgres)).isEqualTo(ordersBefore + 1);
    }
}
