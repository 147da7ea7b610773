package dev.flotilla.engine;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flotilla.ServiceStartException;
import dev.flotilla.model.DockerBuildSpec;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/**
 * The images of services built from their own Dockerfile: tagged {@code flotilla-build/<service>:<hash>}
 * by the content of their context ({@link DockerfileContext}), reused while it is unchanged, built
 * otherwise. Labelled like Java applications' images, so one prune removes both.
 */
final class DockerfileImages {

    private DockerfileImages() {
    }

    /**
     * Reuses or builds the image of every service with a Dockerfile, one after the other.
     *
     * @return the image to run, by service name
     * @throws ServiceStartException naming the first service whose image could not be built
     */
    static Map<String, String> ensureAll(DockerEngine docker, TopologySpec spec) {
        Map<String, String> images = new LinkedHashMap<>();
        for (ServiceSpec service : spec.services()) {
            if (service.build().isEmpty()) {
                continue;
            }
            DockerBuildSpec build = service.build().get();
            try {
                DockerfileContext context = DockerfileContext.of(build);
                images.put(service.name(), ImageBuild.reuseOrBuild(docker, service.name(), "flotilla-build", context.hash(), context,
                        "its build context is unchanged"));
            } catch (RuntimeException | IOException e) {
                throw new ServiceStartException(service.name(), "Service \"" + service.name() + "\" cannot start: its image could not be"
                        + " built from " + build.dockerfile() + " in " + build.context() + ": " + String.valueOf(e.getMessage()).strip()
                        + ". Nothing was started. Fix: build it by hand (docker build -f " + build.dockerfile() + " "
                        + build.context() + ") to see the whole output, and correct the Dockerfile.", e);
            }
        }
        return images;
    }
}
