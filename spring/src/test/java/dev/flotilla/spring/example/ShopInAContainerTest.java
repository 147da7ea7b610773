package dev.flotilla.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import dev.flotilla.Endpoint;
import dev.flotilla.JavaApp;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

/**
 * Black box: the application is a service of the topology itself, configured as in production,
 * through its environment; the test has no Spring context and talks to it over HTTP only.
 */
@Topology
@OrdersDatabase
@Service(name = "cache", image = "redis:7", ports = 6379)
@Service(name = "shop", javaApp = @JavaApp(mainClass = "dev.flotilla.spring.example.ShopApplication", jvmArgs = "-Xmx256m"), ports = 8080,
        env = {"SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/shop", "SPRING_DATASOURCE_USERNAME=shop", "SPRING_DATASOURCE_PASSWORD=shop",
                "SPRING_DATA_REDIS_HOST=cache"},
        dependsOn = {"db", "cache"}, waitFor = @WaitFor(log = "Started ShopApplication"), startupTimeout = "120s")
class ShopInAContainerTest {

    @Test
    void anOrderPostedToTheApplicationIsInItsDatabase(@Endpoint("shop:8080") URI shop, ServiceHandle db) throws Exception {
        HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(shop.resolve("/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"gadget\",\"quantity\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);

        try (Connection jdbc = DriverManager.getConnection("jdbc:postgresql://" + db.address(5432) + "/shop", "shop", "shop");
                ResultSet rows = jdbc.createStatement().executeQuery("select sku, quantity from orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("sku") + " x" + rows.getInt("quantity")).isEqualTo("gadget x3");
        }
    }
}
