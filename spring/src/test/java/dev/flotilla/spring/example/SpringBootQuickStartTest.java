package dev.flotilla.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The application in this JVM, on a topology's PostgreSQL and Redis: no datasource or Redis property anywhere. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Topology
@Service(name = "db", image = "postgres:15", ports = 5432, env = {"POSTGRES_USER=shop", "POSTGRES_PASSWORD=shop"},
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
@Service(name = "cache", image = "redis:7", ports = 6379)
class SpringBootQuickStartTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void anOrderPostedToTheApiIsInTheDatabaseAndItsReadInTheCache(ServiceHandle db, ServiceHandle cache) throws Exception {
        HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"widget\",\"quantity\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);

        try (Connection jdbc = DriverManager.getConnection("jdbc:postgresql://" + db.address(5432) + "/shop", "shop", "shop");
                ResultSet rows = jdbc.createStatement().executeQuery("select sku, quantity from orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("sku") + " x" + rows.getInt("quantity")).isEqualTo("widget x2");
        }

        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cache.exec("redis-cli", "KEYS", "orders::*").stdout()).contains("orders::1");
    }
}
