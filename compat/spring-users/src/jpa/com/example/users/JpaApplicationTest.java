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
import org.springframework.util.ClassUtils;

/** An application on Spring Data JPA alone gets its data source from the topology's PostgreSQL; R2DBC and Redis are not there. */
@SpringBootTest(classes = JpaApplicationTest.Application.class, properties = "spring.jpa.hibernate.ddl-auto=create")
@Topology
@Service(name = "db", image = "postgres:15", ports = 5432, env = {"POSTGRES_USER=users", "POSTGRES_PASSWORD=users"},
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
class JpaApplicationTest {

    /** Auto-configuration alone: Hibernate on a data source from the connection details Flotilla gives, and {@link Probes}. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Autowired
    Probes probes;

    @Test
    void whatTheRepositorySavesIsInTheServicesDatabase(ServiceHandle db) {
        assertThat(ClassUtils.isPresent("io.r2dbc.spi.ConnectionFactory", null)).as("R2DBC on the class path").isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.data.redis.core.RedisTemplate", null)).as("Redis on the class path").isFalse();

        probes.save(new Probe(1, "forty-two"));

        assertThat(db.exec("psql", "-U", "users", "-tAc", "select answer from probe where id = 1").stdout().strip()).isEqualTo("forty-two");
    }
}
