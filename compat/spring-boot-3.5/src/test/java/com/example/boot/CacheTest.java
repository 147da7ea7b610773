package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Scope CLASS: Redis, written to over its published port and read back inside the container. */
@Order(1)
@Topology(name = "compat-boot-cache")
@Service(name = "cache", image = "redis:7", ports = 6379)
class CacheTest {

    @Test
    void writesOverThePublishedPortAndReadsInside(@Endpoint("cache:6379") String address, @ServiceName("cache") ServiceHandle cache)
            throws IOException {
        String[] hostAndPort = address.split(":");
        assertThat(Resp.send(hostAndPort[0], Integer.parseInt(hostAndPort[1]), "SET greeting hello", "GET greeting")).isEqualTo("hello");
        assertThat(cache.exec("redis-cli", "get", "greeting").stdout()).isEqualTo("hello\n");
        Instances.remember("class", Docker.instanceOf(cache));
    }
}
