package com.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.ClassUtils;

/**
 * A reactive application that keeps JDBC (for its migrations, say) gets both connection details from the topology's
 * PostgreSQL, and R2DBC's reach it; Redis is not there. Spring Boot makes no data source beside an R2DBC connection
 * factory, so JDBC's details are looked at, not used.
 */
@SpringBootTest(classes = JdbcAndR2dbcApplicationTest.Application.class)
@Topology
@Service(name = "db", image = "postgres:15", ports = 5432, env = {"POSTGRES_USER=users", "POSTGRES_PASSWORD=users"},
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
class JdbcAndR2dbcApplicationTest {

    /** Auto-configuration alone: an R2DBC connection factory from the connection details Flotilla gives. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Autowired
    DatabaseClient r2dbc;

    @Autowired
    ApplicationContext context;

    @Test
    void bothDetailsAreTheServicesAndWhatR2dbcWritesIsInItsDatabase(ServiceHandle db) {
        assertThat(ClassUtils.isPresent("org.springframework.data.redis.core.RedisTemplate", null)).as("Redis on the class path").isFalse();
        assertThat(context.getBeansOfType(ConnectionDetails.class).values())
                .flatMap(details -> Arrays.stream(details.getClass().getInterfaces()).map(Class::getSimpleName).toList())
                .containsExactlyInAnyOrder("JdbcConnectionDetails", "R2dbcConnectionDetails");

        r2dbc.sql("create table probe (answer int)").then()
                .then(r2dbc.sql("insert into probe values (42)").then()).block();

        assertThat(db.exec("psql", "-U", "users", "-tAc", "select answer from probe").stdout().strip()).isEqualTo("42");
    }
}
