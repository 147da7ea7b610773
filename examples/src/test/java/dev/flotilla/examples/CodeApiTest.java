package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyDefinition;
import org.junit.jupiter.api.Test;

/** The same engine without annotations: build a topology in code and run it anywhere, JUnit or not. */
class CodeApiTest {

    @Test
    void buildStartUseClose() {
        TopologyDefinition topology = Flotilla.topology("code")
                .service("cache", "redis:7", cache -> cache.ports(6379))
                .service("client", "busybox:1.36", client -> client.command("sleep", "3600").dependsOn("cache"))
                .build();

        try (RunningTopology running = topology.start()) {
            String reply = running.service("client").exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout();
            assertThat(reply).contains("PONG");
        } // every container and the network are removed here
    }

    @Test
    void annotationsCanBeStartedFromCodeToo() {
        TopologyDefinition shop = Flotilla.fromAnnotations(ShopStack.class);

        assertThat(shop.serviceNames()).containsExactly("db", "cache");
    }
}
