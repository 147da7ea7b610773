package dev.flotilla.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.spring.example.OrdersDatabase;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A reactive application gets R2DBC's connection details from the same PostgreSQL service. */
@SpringBootTest(classes = R2dbcTest.ReactiveApplication.class)
@Topology
@OrdersDatabase
class R2dbcTest {

    /** Auto-configuration alone: an R2DBC connection factory, built from the details Flotilla gives. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ReactiveApplication {
    }

    @Autowired
    ConnectionFactory connections;

    @Test
    void whatR2dbcWritesIsInTheServicesDatabase(ServiceHandle db) throws Exception {
        Flux.usingWhen(Mono.from(connections.create()),
                c -> Flux.from(c.createStatement("create table probe (answer int)").execute())
                        .thenMany(Flux.from(c.createStatement("insert into probe values (42)").execute()))
                        .flatMap(result -> result.getRowsUpdated()),
                c -> c.close()).blockLast();

        try (Connection jdbc = DriverManager.getConnection("jdbc:postgresql://" + db.address(5432) + "/shop", "shop", "shop");
                ResultSet rows = jdbc.createStatement().executeQuery("select answer from probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }
}
