package dev.flotilla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Flotilla;
import dev.flotilla.TopologyDefinition;
import org.junit.jupiter.api.Test;

/** The launcher's picture of who depends on whom; no containers needed. */
class TopologyPictureTest {

    @Test
    void theShopIsDrawnFromTheGatewayDownToTheDatabases() {
        String picture = TopologyPicture.of(Flotilla.fromAnnotations(ShopStack.class), name -> "<" + name + ">");

        assertThat(picture).isEqualTo(""
                + "gateway           <gateway>\n"
                + "+-- orders        <orders>\n"
                + "|   `-- postgres  <postgres>\n"
                + "`-- inventory     <inventory>\n"
                + "    `-- redis     <redis>\n");
    }

    @Test
    void aSharedDependencyIsDrawnOnceAndThenReferred() {
        TopologyDefinition shared = Flotilla.topology("shared")
                .service("db", "postgres:15")
                .service("a", "busybox:1.36", s -> s.dependsOn("db"))
                .service("b", "busybox:1.36", s -> s.dependsOn("db"))
                .build();

        assertThat(TopologyPicture.of(shared, name -> "*")).isEqualTo(""
                + "a       *\n"
                + "`-- db  *\n"
                + "b       *\n"
                + "`-- db  (see above)\n");
    }
}
