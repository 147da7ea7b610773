package com.example.forks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceName;
import org.junit.jupiter.api.Test;

/**
 * The one test of every class here. Whether an instance was started once per JVM is not asked
 * here but of Docker's event log, after the build, by compat/check-suite-instances.
 */
abstract class UsesTheBox {

    @Test
    void runsACommandInTheBox(@ServiceName("box") ServiceHandle box) {
        assertThat(box.exec("sh", "-c", "echo hello from $(hostname)").stdout()).startsWith("hello from ");
    }
}
