package dev.flotilla.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A composed annotation carries the topology and the connections: the application is on the service it was given. */
@SpringBootTest
@ShopStack
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
