package dev.flotilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import dev.flotilla.fixtures.HelloHttpApp;
import org.junit.jupiter.api.Test;

/** A service runs exactly one of an image and a Java application, and the application must be runnable; checked before Docker. */
class JavaAppValidationTest {

    private static final String HELLO = "dev.flotilla.fixtures.HelloHttpApp";

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "api", image = "busybox:1.36", javaApp = @JavaApp(mainClass = HELLO))
    @interface BothImageAndJavaApp {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "api", ports = 8080)
    @interface NeitherImageNorJavaApp {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "api", javaApp = {@JavaApp(mainClass = HELLO), @JavaApp(mainClass = HELLO)})
    @interface TwoJavaApps {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "api", javaApp = @JavaApp(mainClass = HELLO, jvmArgs = "-Xmx64m"), ports = 8080)
    @interface Valid {
    }

    @Test
    void imageAndJavaAppTogetherAreRejected() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(BothImageAndJavaApp.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"api\").javaApp on @" + BothImageAndJavaApp.class.getName()
                        + ": sets both image \"busybox:1.36\" and javaApp (main class " + HELLO + ")."
                        + " Fix: keep one: image runs an existing image, javaApp builds one from this JVM's class path.");
    }

    @Test
    void aServiceWithNeitherImageJavaAppNorBuildIsRejected() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(NeitherImageNorJavaApp.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"api\").image on @" + NeitherImageNorJavaApp.class.getName()
                        + ": service \"api\" sets neither image, javaApp nor build. Fix: set image (such as \"redis:7\") to run an existing"
                        + " image, javaApp (such as @JavaApp(mainClass = \"com.example.Main\"), in code .javaApp(\"com.example.Main\"))"
                        + " to run a main class in an image built from this JVM's class path, or build (such as"
                        + " @Build(context = \"src/test/docker/web\"), in code .dockerfile(\"src/test/docker/web\")) to build it from a Dockerfile.");
    }

    @Test
    void twoJavaAppsAreRejected() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(TwoJavaApps.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"api\").javaApp on @" + TwoJavaApps.class.getName()
                        + ": declares 2 @JavaApp. Fix: declare one: javaApp = @JavaApp(mainClass = \"...\").");
    }

    @Test
    void anAnnotatedJavaAppResolvesWithoutAnImage() {
        TopologyDefinition definition = Flotilla.fromAnnotations(Valid.class);

        assertThat(definition.imageOf("api")).isEmpty();
        assertThat(definition.portsOf("api")).containsExactly(8080);
        assertThat(definition).isEqualTo(Flotilla.topology("Valid")
                .service("api", s -> s.javaApp(HELLO, app -> app.jvmArgs("-Xmx64m")).ports(8080))
                .build());
    }

    @Test
    void everyProblemOfACodeJavaAppIsNamedAtOnce() {
        TopologyBuilder builder = Flotilla.topology("shop")
                .service("typo", s -> s.javaApp("dev.flotilla.fixtures.HelloHttpAp"))
                .service("spaces", s -> s.javaApp("not a class"))
                .service("entry", s -> s.javaApp(HelloHttpApp.class.getName(), app -> app.baseImage("Temurin:17").classpath("[a"))
                        .entrypoint("sh"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageStartingWith("5 problems in the topology declaration:")
                .hasMessageContaining("\n  - service \"typo\" javaApp in Flotilla.topology(\"shop\"): main class"
                        + " \"dev.flotilla.fixtures.HelloHttpAp\" is not on this JVM's class path. Fix: check the package and class name;")
                .hasMessageContaining("\n  - service \"spaces\" javaApp in Flotilla.topology(\"shop\"): main class \"not a class\""
                        + " is not a Java class name. Fix: write its binary name, such as \"com.example.Main\" or \"com.example.Outer$Main\".")
                .hasMessageContaining("\n  - service \"entry\" entrypoint in Flotilla.topology(\"shop\"): entrypoint [sh] cannot be combined"
                        + " with javaApp, whose entry point is java <jvmArgs> -cp <class path> " + HELLO
                        + ". Fix: remove the entrypoint; pass program arguments with command, JVM options with jvmArgs.")
                .hasMessageContaining("\n  - service \"entry\" javaApp in Flotilla.topology(\"shop\"): invalid base image reference \"Temurin:17\".")
                .hasMessageContaining("\n  - service \"entry\" javaApp in Flotilla.topology(\"shop\"): class path glob \"[a\" is not a glob (");
    }

    @Test
    void aFixedPortReplacesTheRandomOneInACopy() {
        TopologyDefinition random = Flotilla.fromAnnotations(Valid.class);

        TopologyDefinition fixed = random.withFixedPort("api", 8080, 18080);

        assertThat(fixed).isNotEqualTo(random);
        assertThat(fixed.portsOf("api")).containsExactly(8080);
        assertThatThrownBy(() -> random.withFixedPort("api", 9090, 19090))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Service \"api\" of topology \"Valid\" publishes no container port 9090 on a random host port (its ports: [8080])."
                        + " Fix: name one of those ports.");
    }
}
