package dev.flotilla.bench;

import dev.flotilla.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The suite scenario's Flotilla side: ten classes with one test each, once with a topology
 * shared by the whole run and once with the default per-class topology. Run only by
 * {@link SuiteScenario} through the JUnit launcher, never by Surefire (they live in main).
 */
final class FlotillaSuiteFixtures {

    private FlotillaSuiteFixtures() {
    }

    /** What every class checks: both services answer. */
    abstract static class Checks {
        @Test
        void servicesAnswer(@Endpoint("web1:8080") String web1, @Endpoint("web2:8080") String web2) {
            SuiteScenario.assertAnswers(web1);
            SuiteScenario.assertAnswers(web2);
        }
    }

    @SuiteStack
    abstract static class Shared extends Checks {
    }

    static final class Shared01 extends Shared { }
    static final class Shared02 extends Shared { }
    static final class Shared03 extends Shared { }
    static final class Shared04 extends Shared { }
    static final class Shared05 extends Shared { }
    static final class Shared06 extends Shared { }
    static final class Shared07 extends Shared { }
    static final class Shared08 extends Shared { }
    static final class Shared09 extends Shared { }
    static final class Shared10 extends Shared { }

    @ClassStack
    abstract static class PerClass extends Checks {
    }

    static final class PerClass01 extends PerClass { }
    static final class PerClass02 extends PerClass { }
    static final class PerClass03 extends PerClass { }
    static final class PerClass04 extends PerClass { }
    static final class PerClass05 extends PerClass { }
    static final class PerClass06 extends PerClass { }
    static final class PerClass07 extends PerClass { }
    static final class PerClass08 extends PerClass { }
    static final class PerClass09 extends PerClass { }
    static final class PerClass10 extends PerClass { }
}
