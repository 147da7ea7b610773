package dev.flotilla.spring.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which images Flotilla connects by themselves: by repository, whatever the registry, tag or digest. */
class ConnectionKindTest {

    @Test
    void knownRepositoriesUnderAnyRegistryTagOrDigest() {
        assertThat(ConnectionKind.ofImage("postgres:15")).contains(ConnectionKind.POSTGRES);
        assertThat(ConnectionKind.ofImage("docker.io/library/postgres:16-alpine")).contains(ConnectionKind.POSTGRES);
        assertThat(ConnectionKind.ofImage("localhost:5000/bitnami/postgresql@sha256:" + "a".repeat(64))).contains(ConnectionKind.POSTGRES);
        assertThat(ConnectionKind.ofImage("redis")).contains(ConnectionKind.REDIS);
        assertThat(ConnectionKind.ofImage("registry.local/redis/redis-stack-server:7.2.0-v10")).contains(ConnectionKind.REDIS);
    }

    @Test
    void otherImagesAreNotGuessed() {
        assertThat(ConnectionKind.ofImage("team/postgres:15")).isEmpty(); // another team's image of that name
        assertThat(ConnectionKind.ofImage("postgres-exporter:1")).isEmpty();
        assertThat(ConnectionKind.ofImage("")).isEmpty();
    }
}
