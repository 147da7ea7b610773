package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Scope CLASS: PostgreSQL through JDBC, with the driver version Spring Boot manages; runs once CacheTest's instance is gone. */
@Order(2)
@Topology(name = "compat-boot-db")
@Service(name = "db", image = "postgres:15", ports = 5432, env = "POSTGRES_DB=shop", secrets = "POSTGRES_PASSWORD=example",
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
class DatabaseTest {

    @Test
    void theDatabaseAnswersOverJdbc(@Endpoint("db:5432") String address, @ServiceName("db") ServiceHandle db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + address + "/shop", "postgres", "example");
             Statement statement = connection.createStatement()) {
            statement.execute("create table orders (sku text)");
            statement.execute("insert into orders values ('widget')");
            try (ResultSet rows = statement.executeQuery("select sku from orders")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("widget");
            }
        }
        Instances.remember("class", Docker.instanceOf(db));
    }

    @Test
    void theCacheClassInstanceWasRemovedAfterItsClass() {
        Docker.assertGone(Instances.seen("class").get(0), "after CacheTest ended");
    }
}
