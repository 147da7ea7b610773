package dev.flotilla.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.ServiceStartException;
import dev.flotilla.model.JavaAppSpec;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/**
 * Provides the image of every {@link dev.flotilla.JavaApp JavaApp} service of a topology: reuses
 * {@code flotilla-app/<service>:<hash>} when the engine has it, builds it otherwise. The hash is
 * the {@link JavaAppRecipe#hash() recipe's}, so an unchanged class path never rebuilds. The app
 * image is never pulled; its base image is, by the topology's pull policy (see {@link #imageToPull}).
 * How an image is built is {@link ImageBuild}.
 */
final class JavaAppImages {

    /** On every image Flotilla builds. */
    static final String APP_LABEL = "dev.flotilla.app";
    /** When the image was built: tells a rebuild from a reuse. */
    static final String BUILT_LABEL = "dev.flotilla.app.built";

    private JavaAppImages() {
    }

    /**
     * The image the puller must make available for {@code service}: its own, or the base of its
     * Java application; null for a service built from a Dockerfile, whose build pulls its bases itself,
     * and for one made by a container factory, whose object pulls its image itself.
     */
    static String imageToPull(ServiceSpec service) {
        if ((service.build().isPresent() || service.container().isPresent()) && service.javaApp().isEmpty()) {
            return null;
        }
        return service.javaApp().map(JavaAppSpec::baseImage).orElse(service.image());
    }

    /**
     * Reuses or builds the image of every Java application service, one after the other (so that
     * services on the same class path share Docker's cached layers); run after the base images are pulled.
     *
     * @return the image to run, by service name; empty when no service is a Java application
     * @throws ServiceStartException naming the first service whose image could not be built
     */
    static Map<String, String> ensureAll(DockerEngine docker, TopologySpec spec) {
        Map<String, String> images = new LinkedHashMap<>();
        List<Path> classPath = null;
        for (ServiceSpec service : spec.services()) {
            if (service.javaApp().isEmpty()) {
                continue;
            }
            JavaAppSpec app = service.javaApp().get();
            try {
                if (classPath == null) {
                    classPath = ClassPathEntries.current();
                }
                // A fault proxy runs from its own jar, which is not on the class path (see FaultProxyJar).
                List<Path> entries = FaultProxies.isProxy(service) ? List.of(FaultProxyJar.path()) : classPath;
                JavaAppRecipe recipe = JavaAppRecipe.of(app, entries);
                images.put(service.name(), ImageBuild.reuseOrBuild(docker, service.name(), "flotilla-app", recipe.hash(), recipe,
                        "its class path is unchanged"));
            } catch (RuntimeException | IOException e) {
                throw new ServiceStartException(service.name(), "Service \"" + service.name() + "\" cannot start: the image for its"
                        + " main class " + app.mainClass() + " on " + app.baseImage() + " could not be built: " + e.getMessage()
                        + ". Nothing was started.", e);
            }
        }
        return images;
    }
}
