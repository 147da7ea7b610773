package com.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/** An application on JDBC alone gets its data source from the topology's PostgreSQL; R2DBC, JPA and Redis are not there. */
@SpringBootTest(classes = JdbcApplicationTest.Application.class)
@Topology
@Service(name = "db", image = "postgres:15", ports = 5432, env = {"POSTGRES_USER=users", "POSTGRES_PASSWORD=users"},
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
class JdbcApplicationTest {

    /** Auto-configuration alone: a data source from the connection details Flotilla gives. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whatTheApplicationWritesIsInTheServicesDatabase(ServiceHandle db) {
        assertThat(ClassUtils.isPresent("io.r2dbc.spi.ConnectionFactory", null)).as("R2DBC on the class path").isFalse();
        assertThat(ClassUtils.isPresent("jakarta.persistence.EntityManager", null)).as("JPA on the class path").isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.data.redis.core.RedisTemplate", null)).as("Redis on the class path").isFalse();

        jdbc.execute("create table probe (answer int)");
        jdbc.update("insert into probe values (42)");

        assertThat(db.exec("psql", "-U", "users", "-tAc", "select answer from probe").stdout().strip()).isEqualTo("42");
    }
}
