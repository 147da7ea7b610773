package com.example.junitrange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Endpoint;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import org.junit.jupiter.api.Test;

/** The test of every {@link SuiteStack} class: the same instance, still running, whichever class asks. */
abstract class SharesTheSuiteStack {

    @Test
    void meetsTheOneSuiteInstance(@ServiceName("client") ServiceHandle client, @Endpoint("cache:6379") String cache) throws Exception {
        assertThat(client.exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout()).contains("PONG");

        String instance = Docker.instanceOf(client);
        Instances.remember("suite", instance);
        assertThat(Instances.seen("suite")).as("the instances the SUITE classes met").containsOnly(instance);
        Docker.assertRunning(instance, "while SUITE classes still run");
        // Redis keeps its count across classes: one increment per class so far.
        String[] hostAndPort = cache.split(":");
        assertThat(Resp.send(hostAndPort[0], Integer.parseInt(hostAndPort[1]), "INCR classes"))
                .isEqualTo(":" + Instances.seen("suite").size());
    }
}
