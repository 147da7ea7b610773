package com.example.boot;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The last class: every CLASS and METHOD instance of the run is gone from Docker. */
@Order(100)
class ScopesEndedTest {

    @Test
    void classAndMethodInstancesAreGone() {
        for (String scope : new String[] {"class", "method"}) {
            for (String instance : Instances.seen(scope)) {
                Docker.assertGone(instance, "of scope " + scope + ", at the end of the run");
            }
        }
    }
}
