package dev.flotilla.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.spring.ServiceConnection;
import dev.flotilla.spring.ServiceUrl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two PostgreSQL services, so the class says which one the application uses; an HTTP service whose
 * URL goes into a property of the application's own; a custom image named for what it is.
 */
@SpringBootTest
@Topology
@OrdersDatabase
@Service(name = "audit", image = "postgres:15", ports = 5432, env = "POSTGRES_PASSWORD=audit")
@Service(name = "inventory", image = "busybox:1.36", ports = 8080,
        command = {"sh", "-c", "mkdir -p /www/stock && echo 7 > /www/stock/widget && exec httpd -f -p 8080 -h /www"})
@ServiceConnection(service = "db")
@ServiceUrl(service = "inventory", property = "inventory.url")
class ChosenServicesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    OrderController controller;

    @Test
    void theApplicationIsOnTheServiceItWasGiven(ServiceHandle db) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:postgresql://" + db.address(5432) + "/shop");
        }
    }

    @Test
    void theInventoryUrlPropertyLeadsToTheInventoryService() {
        assertThat(controller.stock("widget")).isEqualTo("7");
    }
}
