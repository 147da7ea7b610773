package dev.flotilla.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checks of {@link TopologyValidator} on a service built from a Dockerfile: no image beside it, and a context and Dockerfile that exist. */
final class DockerBuildChecks {

    private DockerBuildChecks() {
    }

    static void check(ServiceSpec service, SpecOrigin origin, ConfigProblems problems) {
        DockerBuildSpec build = service.build().orElseThrow();
        String where = origin.service(service.name(), "build");
        if (!service.image().isEmpty()) {
            problems.add(where, "sets both image \"" + service.image() + "\" and build (context " + build.context() + ")",
                    "keep one: image runs an existing image, build builds one from a Dockerfile");
        }
        Path context = Path.of(build.context());
        if (!Files.isDirectory(context)) {
            problems.add(where, "build context \"" + build.context() + "\" is not a directory (looked for " + context.toAbsolutePath() + ")",
                    "name the directory that holds the Dockerfile, relative to the working directory (the module's, under Maven"
                            + " and Gradle) or absolute");
        } else if (!Files.isRegularFile(context.resolve(build.dockerfile()))) {
            problems.add(where, "the build context has no Dockerfile \"" + build.dockerfile() + "\" (looked for "
                    + context.resolve(build.dockerfile()).toAbsolutePath() + ")", "name the Dockerfile's path inside the context");
        }
        build.args().keySet().stream().filter(name -> !name.matches("[A-Za-z_][A-Za-z0-9_]*")).forEach(name ->
                problems.add(where, "invalid build argument name \"" + name + "\"", "write arguments as \"NAME=value\""));
    }
}
