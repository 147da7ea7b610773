package dev.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A {@code ServiceHandle} parameter named like its service works without {@code -parameters}
 * (Maven's and Gradle's default: debug information, no parameter names); compiled with neither,
 * it fails with what to add. The fixture is compiled here, with exactly those settings.
 */
class ParameterNamesTest {

    private static final String SOURCE = """
            package dev.flotilla.generated;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import dev.flotilla.Service;
            import dev.flotilla.ServiceHandle;
            import dev.flotilla.Topology;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.TestInfo;

            @Topology(name = "paramnames")
            @Service(name = "cache", image = "redis:7", ports = 6379)
            @Service(name = "client", image = "busybox:1.36", command = {"sleep", "600"})
            public class QuickStartTestCase {
                @Test
                void clientReachesTheCacheByName(ServiceHandle client, TestInfo unrelated, ServiceHandle cache) {
                    assertEquals("client", client.name());
                    assertEquals("cache", cache.name());
                }
            }
            """;

    @Test
    void withMavensDefaultSettingsTheNameComesFromTheDebugInformation(@TempDir Path classes) throws Exception {
        EngineExecutionResults results = run(compile(classes, "-g"));

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void withNoNameKeptTheFailureSaysWhatToAdd(@TempDir Path classes) throws Exception {
        EngineExecutionResults results = run(compile(classes, "-g:none"));

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).hasMessage("parameter 0 (ServiceHandle) of void dev.flotilla.generated.QuickStartTestCase"
                + ".clientReachesTheCacheByName(dev.flotilla.ServiceHandle,org.junit.jupiter.api.TestInfo,dev.flotilla.ServiceHandle): its name was not kept"
                + " by the compiler, so Flotilla cannot tell which service of topology \"paramnames\" [cache, client] it means."
                + " Fix: annotate it with @ServiceName(\"...\"), or compile with -parameters (Maven:"
                + " <maven.compiler.parameters>true</maven.compiler.parameters>; Gradle: options.compilerArgs << '-parameters')"
                + " or with debug information (javac -g, the default of Maven and Gradle).");
    }

    @SuppressWarnings("unused") // read through reflection and its class file only
    private static void mixed(String first, long wide, double wider, Object last) {
    }

    @Test
    void parametersThatTakeTwoSlotsDoNotShiftTheOthersNames() throws Exception {
        // This module is compiled without -parameters, so these come from the debug information too.
        var method = ParameterNamesTest.class.getDeclaredMethod("mixed", String.class, long.class, double.class, Object.class);
        assertThat(method.getParameters()[0].isNamePresent()).isFalse();

        assertThat(java.util.Arrays.stream(method.getParameters()).map(ParameterNames::of).map(java.util.Optional::orElseThrow))
                .containsExactly("first", "wide", "wider", "last");
    }

    private static EngineExecutionResults run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute();
    }

    /** Compiles the fixture with {@code debugOption} and no {@code -parameters}, and loads it. */
    private static Class<?> compile(Path classes, String debugOption) throws IOException, ClassNotFoundException {
        Path source = classes.resolve("src/dev/flotilla/generated/QuickStartTestCase.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int status = javac.run(null, null, null, List.of(debugOption, "-proc:none", "-cp", classPath,
                "-d", classes.toString(), source.toString()).toArray(String[]::new));
        assertThat(status).as("javac exit status").isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ParameterNamesTest.class.getClassLoader());
        return loader.loadClass("dev.flotilla.generated.QuickStartTestCase");
    }
}
