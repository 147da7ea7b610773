package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** Scope METHOD: every test gets a fresh container, so state never leaks from one test to the next. */
@Topology(scope = Scope.METHOD)
@Service(name = "cache", image = "redis:7")
class MethodScopeTest {

    @Test
    void startsEmpty(ServiceHandle cache) {
        cache.exec("redis-cli", "set", "key", "value");
        assertThat(cache.exec("redis-cli", "dbsize").stdout()).isEqualTo("1\n");
    }

    @Test
    void alsoStartsEmpty(ServiceHandle cache) {
        assertThat(cache.exec("redis-cli", "dbsize").stdout()).isEqualTo("0\n");
    }
}
