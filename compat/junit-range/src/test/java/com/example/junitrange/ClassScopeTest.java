package com.example.junitrange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;

import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.Topology;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Scope CLASS (the default): one instance for both tests; {@link ClassScopeRemovedTest} checks it is gone afterwards. */
@Order(1)
@Topology(name = "compat-class")
@Service(name = "cache", image = "redis:7", ports = 6379)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassScopeTest {

    ServiceHandle cache; // a field named like the service: field names need no compiler flag

    @Endpoint("redis://cache:6379")
    URI cacheUri;

    @Test
    @Order(1)
    void theTestWritesThroughThePublishedPort(@Endpoint("cache:6379") String address, @Endpoint("cache:6379") int port) throws IOException {
        assertThat(address).isEqualTo(cache.host() + ":" + port);
        assertThat(cacheUri).isEqualTo(URI.create("redis://" + address));

        assertThat(Resp.send(cache.host(), port, "PING")).isEqualTo("+PONG");
        assertThat(Resp.send(cacheUri.getHost(), cacheUri.getPort(), "SET written-by first", "GET written-by")).isEqualTo("first");
        Instances.remember("class", Docker.instanceOf(cache));
    }

    @Test
    @Order(2)
    void theSecondTestSeesTheSameContainer(@ServiceName("cache") ServiceHandle redis) {
        assertThat(redis.exec("redis-cli", "get", "written-by").stdout()).isEqualTo("first\n");
        Instances.remember("class", Docker.instanceOf(redis));
        assertThat(Instances.seen("class")).hasSize(2).containsOnly(Instances.seen("class").get(0));
    }
}
