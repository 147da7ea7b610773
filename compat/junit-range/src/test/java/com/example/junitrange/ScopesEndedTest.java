package com.example.junitrange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The last class: every CLASS and METHOD instance of the run is gone, the SUITE one still runs
 * (it is removed when the run ends, which the build script checks through Docker).
 */
@Order(100)
class ScopesEndedTest {

    @Test
    void classAndMethodInstancesAreGoneAndTheSuiteInstanceLivesOn() {
        for (String scope : new String[] {"class", "method"}) {
            for (String instance : Instances.seen(scope)) {
                Docker.assertGone(instance, "of scope " + scope + ", at the end of the run");
            }
        }
        assertThat(Instances.seen("suite")).hasSize(3).containsOnly(Instances.seen("suite").get(0));
        Docker.assertRunning(Instances.seen("suite").get(0), "before the run ends");
    }
}
