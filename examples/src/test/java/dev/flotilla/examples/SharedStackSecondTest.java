package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.Test;

/** The other class sharing {@link ShopStack}; with scope SUITE no container starts twice. */
@ShopStack
class SharedStackSecondTest {

    @Test
    void cacheAnswers(ServiceHandle cache) {
        assertThat(cache.exec("redis-cli", "ping").stdout()).isEqualTo("PONG\n");
    }
}
