package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import dev.flotilla.Topology;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Scope METHOD: a fresh instance per test, and the previous test's instance already gone. */
@Order(3)
@Topology(name = "compat-boot-method", scope = Scope.METHOD)
@Service(name = "box", image = "busybox:1.36", command = {"sleep", "600"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MethodScopeTest {

    @Test
    @Order(1)
    void first(@ServiceName("box") ServiceHandle box) {
        assertThat(box.exec("touch", "/tmp/first-was-here").exitCode()).isZero();
        Instances.remember("method", Docker.instanceOf(box));
    }

    @Test
    @Order(2)
    void secondGetsAFreshInstanceOnceTheFirstIsGone(@ServiceName("box") ServiceHandle box) {
        String first = Instances.seen("method").get(0);
        String mine = Docker.instanceOf(box);
        Instances.remember("method", mine);

        assertThat(mine).isNotEqualTo(first);
        assertThat(box.exec("ls", "/tmp/first-was-here").exitCode()).as("a file the first test wrote").isNotZero();
        Docker.assertGone(first, "after the METHOD-scoped test that used it ended");
    }
}
