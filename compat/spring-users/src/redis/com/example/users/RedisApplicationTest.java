package com.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.ClassUtils;

/** An application on Spring Data Redis alone gets its connection from the topology's Redis; JDBC and R2DBC are not there. */
@SpringBootTest(classes = RedisApplicationTest.Application.class)
@Topology
@Service(name = "cache", image = "redis:7", ports = 6379)
class RedisApplicationTest {

    /** Auto-configuration alone: a Redis connection from the connection details Flotilla gives. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Autowired
    StringRedisTemplate redis;

    @Test
    void whatTheApplicationSetsIsInTheServicesRedis(ServiceHandle cache) {
        assertThat(ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", null)).as("Spring JDBC on the class path").isFalse();
        assertThat(ClassUtils.isPresent("io.r2dbc.spi.ConnectionFactory", null)).as("R2DBC on the class path").isFalse();

        redis.opsForValue().set("greeting", "hello");

        assertThat(cache.exec("redis-cli", "GET", "greeting").stdout().strip()).isEqualTo("hello");
    }
}
