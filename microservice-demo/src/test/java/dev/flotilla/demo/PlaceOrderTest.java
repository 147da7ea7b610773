package dev.flotilla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import dev.flotilla.Endpoint;
import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order placed through the gateway lands in PostgreSQL and takes its quantity from the stock
 * in Redis; checked with a JDBC connection and a Redis client of our own. Uses only article
 * {@code widget}, since it shares the running stack with the other test classes.
 */
@ShopStack
class PlaceOrderTest {

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
    void anOrderIsStoredInPostgresAndLowersTheStockInRedis() throws Exception {
        long stockBefore = ShopData.stock(redis, "widget");

        Gateway.Answer placed = gateway.placeOrder("widget", 3);

        assertThat(placed.status()).as("answer %s", placed.body()).isEqualTo(201);
        long id = placed.body().get("id").asLong();
        assertThat(placed.body().get("sku").asText()).isEqualTo("widget");
        try (Connection db = ShopData.database(postgres);
             PreparedStatement select = db.prepareStatement("select sku, quantity from orders where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("order %d in table orders", id).isTrue();
                assertThat(row.getString("sku")).isEqualTo("widget");
                assertThat(row.getInt("quantity")).isEqualTo(3);
            }
        }
        assertThat(ShopData.stock(redis, "widget")).isEqualTo(stockBefore - 3);
        Gateway.Answer readBack = gateway.get("/orders/" + id);
        assertThat(readBack.status()).isEqualTo(200);
        assertThat(readBack.body().get("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void anOrderLargerThanTheStockIsRefusedAndChangesNothing() throws Exception {
        long stockBefore = ShopData.stock(redis, "widget");

        Gateway.Answer refused = gateway.placeOrder("widget", (int) stockBefore + 1);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("error").asText()).isEqualTo("not enough stock of widget");
        assertThat(refused.body().get("available").asLong()).isEqualTo(stockBefore);
        assertThat(ShopData.stock(redis, "widget")).isEqualTo(stockBefore);
    }
}
