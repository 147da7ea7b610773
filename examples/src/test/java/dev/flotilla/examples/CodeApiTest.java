package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyDefinition;
import org.junit.jupiter.api.Test;

class CodeApiTest {

    @Test
    void buildStartUseClose() {
        TopologyDefinition shop = Flotilla.topology("shop")
                .service("db", "postgres:15", db -> db.ports(5432).secret("POSTGRES_PASSWORD", "secret")
                        .waitForLog("database system is ready to accept connections", 2))
                .service("cache", "redis:7", cache -> cache.ports(6379))
                .build();                                         // validated here

        try (RunningTopology running = shop.start()) {
            String answer = running.service("db").exec("psql", "-U", "postgres", "-tAc", "select 40 + 2").stdout();
            assertThat(answer).isEqualTo("42\n");
            assertThat(running.service("cache").uri("redis", 6379)).hasScheme("redis");
        }                                                         // everything removed here
    }
}
