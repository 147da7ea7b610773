package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** Everything Flotilla can inject, into fields and parameters. */
@Topology
@Service(name = "cache", image = "redis:7", ports = 6379)
class EndpointInjectionTest {

    @Endpoint("redis://cache:6379")
    URI redisUri;

    @ServiceName("cache")
    ServiceHandle redis;

    @Test
    void endpointsInEveryShape(@Endpoint("cache:6379") String hostAndPort, @Endpoint("cache:6379") int port) {
        assertThat(redisUri).isEqualTo(URI.create("redis://" + hostAndPort));
        assertThat(hostAndPort).isEqualTo(redis.host() + ":" + port);
        assertThat(redis.uri(6379)).isEqualTo(URI.create("http://" + hostAndPort));
    }
}
