package dev.flotilla;

import java.util.ArrayList;
import java.util.List;

import dev.flotilla.model.JavaAppSpec;
import org.apiguardian.api.API;

/**
 * Configures the Java application of a {@link ServiceBuilder#javaApp(String, java.util.function.Consumer)};
 * each method mirrors an attribute of {@link JavaApp @JavaApp}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JavaAppBuilder {

    private final String mainClass;
    private final List<String> classpath = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private String baseImage = JavaAppSpec.DEFAULT_BASE_IMAGE;

    JavaAppBuilder(String mainClass) {
        this.mainClass = mainClass;
    }

    /**
     * Keeps only the class path entries matching one of these globs; see {@link JavaApp#classpath()}.
     *
     * @param globs globs matched against each entry's absolute path and file name; added to those of earlier calls
     * @return this builder
     */
    public JavaAppBuilder classpath(String... globs) {
        classpath.addAll(List.of(globs));
        return this;
    }

    /**
     * Options for the {@code java} command, such as {@code "-Xmx128m"}.
     *
     * @param arguments the options, placed before {@code -cp} in this order; added to those of earlier calls
     * @return this builder
     */
    public JavaAppBuilder jvmArgs(String... arguments) {
        jvmArgs.addAll(List.of(arguments));
        return this;
    }

    /**
     * The image to build on; {@code eclipse-temurin:17-jre} unless set.
     *
     * @param image the base image's reference, which must have {@code java} on its {@code PATH}
     * @return this builder
     */
    public JavaAppBuilder baseImage(String image) {
        this.baseImage = image;
        return this;
    }

    JavaAppSpec toSpec() {
        return new JavaAppSpec(mainClass, classpath, jvmArgs, baseImage);
    }
}
