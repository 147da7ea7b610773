package dev.flotilla.model;

import java.nio.file.FileSystems;
import java.util.regex.Pattern;

/**
 * The checks of {@link TopologyValidator} on where a service's image comes from: exactly one of
 * {@code image} and {@code javaApp}, and a {@code javaApp} that can be built and run.
 */
final class JavaAppChecks {

    private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final Pattern BINARY_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

    private JavaAppChecks() {
    }

    /** Reports a missing or doubled image source, and every problem of the {@code javaApp}. */
    static void check(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        if (service.javaApp().isEmpty()) {
            problems.add(origin.service(service.name(), "image"), "service \"" + service.name() + "\" sets neither image, javaApp nor build",
                    "set image (such as \"redis:7\") to run an existing image, javaApp (such as"
                            + " @JavaApp(mainClass = \"com.example.Main\"), in code .javaApp(\"com.example.Main\"))"
                            + " to run a main class in an image built from this JVM's class path, or build (such as"
                            + " @Build(context = \"src/test/docker/web\"), in code .dockerfile(\"src/test/docker/web\"))"
                            + " to build it from a Dockerfile");
            return;
        }
        if (service.build().isPresent()) {
            problems.add(origin.service(service.name(), "build"), "sets both javaApp (main class " + service.javaApp().get().mainClass()
                    + ") and build", "keep one: javaApp builds an image from this JVM's class path, build one from a Dockerfile");
        }
        JavaAppSpec app = service.javaApp().get();
        String where = origin.service(service.name(), "javaApp");
        if (!service.image().isEmpty()) {
            problems.add(where, "sets both image \"" + service.image() + "\" and javaApp (main class " + app.mainClass() + ")",
                    "keep one: image runs an existing image, javaApp builds one from this JVM's class path");
        }
        if (!BINARY_NAME.matcher(app.mainClass()).matches()) {
            problems.add(where, "main class \"" + app.mainClass() + "\" is not a Java class name",
                    "write its binary name, such as \"com.example.Main\" or \"com.example.Outer$Main\"");
        } else if (!onClassPath(app.mainClass())) {
            problems.add(where, "main class \"" + app.mainClass() + "\" is not on this JVM's class path",
                    "check the package and class name; the image is built from this JVM's class path, so the class"
                            + " must be on it (add its module as a dependency)");
        }
        if (!service.entrypoint().isEmpty()) {
            problems.add(origin.service(service.name(), "entrypoint"), "entrypoint " + service.entrypoint()
                            + " cannot be combined with javaApp, whose entry point is java <jvmArgs> -cp <class path> " + app.mainClass(),
                    "remove the entrypoint; pass program arguments with command, JVM options with jvmArgs");
        }
        if (!ImageReference.isValid(app.baseImage())) {
            problems.add(where, "invalid base image reference \"" + app.baseImage() + "\"",
                    "use a reference such as \"" + JavaAppSpec.DEFAULT_BASE_IMAGE + "\" (repository names are lower-case)");
        }
        for (String glob : app.classpath()) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                problems.add(where, "class path glob \"" + glob + "\" is not a glob (" + e.getMessage() + ")",
                        "write a glob such as \"classes\", \"postgresql-*.jar\" or \"**/target/classes\"");
            }
        }
    }

    private static boolean onClassPath(String mainClass) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String resource = mainClass.replace('.', '/') + ".class";
        return (loader != null ? loader : JavaAppChecks.class.getClassLoader()).getResource(resource) != null;
    }
}
