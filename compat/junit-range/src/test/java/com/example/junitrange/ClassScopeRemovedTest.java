package com.example.junitrange;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after {@link ClassScopeTest}: its instance must be gone from Docker once that class ended, not at JVM exit. */
@Order(2)
class ClassScopeRemovedTest {

    @Test
    void theClassScopedInstanceIsGoneAfterItsClass() {
        Docker.assertGone(Instances.seen("class").get(0), "after ClassScopeTest ended");
    }
}
