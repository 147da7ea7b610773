package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.Test;

/** One of two classes sharing {@link ShopStack}: both see the same containers. */
@ShopStack
class SharedStackFirstTest {

    @Test
    void databaseAnswers(ServiceHandle db) {
        assertThat(db.exec("psql", "-U", "postgres", "-d", "shop", "-tAc", "select 1").stdout()).isEqualTo("1\n");
    }
}
