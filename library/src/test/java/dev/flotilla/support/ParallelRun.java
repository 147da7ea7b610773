package dev.flotilla.support;

import org.junit.platform.testkit.engine.EngineTestKit;

/** JUnit's parallel execution switched on for an EngineTestKit run: classes and methods concurrent, six threads. */
public final class ParallelRun {

    private ParallelRun() {
    }

    public static EngineTestKit.Builder concurrent(EngineTestKit.Builder builder) {
        return builder
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "6");
    }
}
