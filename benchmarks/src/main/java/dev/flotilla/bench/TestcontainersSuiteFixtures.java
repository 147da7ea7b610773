package dev.flotilla.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The suite scenario's Testcontainers side, as users write it: {@code @Testcontainers} with
 * static {@code @Container} fields, which the extension starts before each class and stops
 * after it; once with the default sequential start, once with {@code parallel = true}. The
 * network is created once for the run (a static field the extension does not manage), which
 * spares Testcontainers a network per class.
 */
final class TestcontainersSuiteFixtures {

    static final Network NETWORK = Network.builder()
            .createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(Busybox.LABEL, Busybox.RUN_ID))).build();

    private TestcontainersSuiteFixtures() {
    }

    static GenericContainer<?> httpd(String alias) {
        return new GenericContainer<>(DockerImageName.parse(Busybox.IMAGE))
                .withNetwork(NETWORK)
                .withNetworkAliases(alias)
                .withExposedPorts(Busybox.PORT)
                .withCommand(Busybox.HTTPD.toArray(String[]::new))
                .withLabel(Busybox.LABEL, Busybox.RUN_ID)
                .waitingFor(Wait.forHttp("/").forPort(Busybox.PORT).forStatusCode(Busybox.READY_STATUS));
    }

    @Testcontainers
    abstract static class Sequential {
        @Container
        static final GenericContainer<?> WEB1 = httpd("web1");
        @Container
        static final GenericContainer<?> WEB2 = httpd("web2");

        @Test
        void servicesAnswer() {
            SuiteScenario.assertAnswers(WEB1.getHost() + ":" + WEB1.getMappedPort(Busybox.PORT));
            SuiteScenario.assertAnswers(WEB2.getHost() + ":" + WEB2.getMappedPort(Busybox.PORT));
        }
    }

    static final class Sequential01 extends Sequential { }
    static final class Sequential02 extends Sequential { }
    static final class Sequential03 extends Sequential { }
    static final class Sequential04 extends Sequential { }
    static final class Sequential05 extends Sequential { }
    static final class Sequential06 extends Sequential { }
    static final class Sequential07 extends Sequential { }
    static final class Sequential08 extends Sequential { }
    static final class Sequential09 extends Sequential { }
    static final class Sequential10 extends Sequential { }

    @Testcontainers(parallel = true)
    abstract static class Parallel {
        @Container
        static final GenericContainer<?> WEB1 = httpd("web1");
        @Container
        static final GenericContainer<?> WEB2 = httpd("web2");

        @Test
        void servicesAnswer() {
            SuiteScenario.assertAnswers(WEB1.getHost() + ":" + WEB1.getMappedPort(Busybox.PORT));
            SuiteScenario.assertAnswers(WEB2.getHost() + ":" + WEB2.getMappedPort(Busybox.PORT));
        }
    }

    static final class Parallel01 extends Parallel { }
    static final class Parallel02 extends Parallel { }
    static final class Parallel03 extends Parallel { }
    static final class Parallel04 extends Parallel { }
    static final class Parallel05 extends Parallel { }
    static final class Parallel06 extends Parallel { }
    static final class Parallel07 extends Parallel { }
    static final class Parallel08 extends Parallel { }
    static final class Parallel09 extends Parallel { }
    static final class Parallel10 extends Parallel { }
}
