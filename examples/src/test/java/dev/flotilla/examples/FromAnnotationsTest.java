package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Flotilla;
import dev.flotilla.TopologyDefinition;
import org.junit.jupiter.api.Test;

/** A topology declared with annotations, taken into code: to start it in a main, a launcher or a benchmark. */
class FromAnnotationsTest {

    @Test
    void annotationsCanBeStartedFromCodeToo() {
        TopologyDefinition shop = Flotilla.fromAnnotations(ShopStack.class);

        assertThat(shop.serviceNames()).containsExactly("db", "cache");
        assertThat(shop.dependenciesOf("cache")).isEmpty();
    }
}
