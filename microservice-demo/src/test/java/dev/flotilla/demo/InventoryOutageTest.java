package dev.flotilla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.flotilla.Endpoint;
import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.Test;

/**
 * When inventory is down the gateway says so, and it recovers when inventory is back. Uses only
 * article {@code gadget}, since it shares the running stack with the other test classes.
 */
@ShopStack
class InventoryOutageTest {

    @Test
    void theGatewayAnswers503NamingInventoryWhileItIsDownAndRecoversAfter(@Endpoint("gateway:8080") URI gatewayUri,
            ServiceHandle inventory) throws Exception {
        Gateway gateway = new Gateway(gatewayUri);
        assertThat(gateway.placeOrder("gadget", 1).status()).isEqualTo(201);

        inventory.stop();
        try {
            Gateway.Answer degraded = gateway.placeOrder("gadget", 1);

            assertThat(degraded.status()).isEqualTo(503);
            assertThat(degraded.body().get("service").asText()).isEqualTo("inventory");
            assertThat(degraded.body().get("error").asText()).isEqualTo("inventory is unavailable");
            assertThat(gateway.get("/stock/gadget").status()).isEqualTo(503);
        } finally {
            inventory.start();
        }

        Gateway.Answer recovered = gateway.placeOrder("gadget", 1);
        assertThat(recovered.status()).as("answer %s", recovered.body()).isEqualTo(201);
        assertThat(gateway.get("/stock/gadget").body().get("available").asLong()).isEqualTo(23);
    }
}
