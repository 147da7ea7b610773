package dev.flotilla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.flotilla.PullPolicy;
import dev.flotilla.ServiceStartException;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/**
 * Makes every image of a topology available before any container is created, pulling the
 * missing ones (or all, or none, by policy) in parallel, and logging progress. Each pull has a
 * stall timeout and a number of attempts ({@link ImagePull}); interrupting the starting thread
 * calls every pull under way off.
 */
final class ImagePuller {

    /** What to do about an image that is not to be had. */
    static final String CHECK_THE_NAME = "check the image name and tag; if its registry needs a login, run docker login;"
            + " if the image is built locally, build it before the test.";

    private ImagePuller() {
    }

    /**
     * Ensures every image is on the engine.
     *
     * @return for each service, the step that made its image available: its pull, or the look that found it there
     * @throws ServiceStartException naming the first service whose image is not to be had, the others suppressed; or,
     *         with this thread's interrupt status set, the service whose image was being pulled when the thread was interrupted
     */
    static Map<String, Phase> pullAll(DockerEngine docker, TopologySpec spec, PullPolicy policy) {
        Map<String, List<String>> servicesByImage = new LinkedHashMap<>();
        for (ServiceSpec service : spec.services()) {
            String image = JavaAppImages.imageToPull(service);
            if (image != null) {
                servicesByImage.computeIfAbsent(image, i -> new ArrayList<>()).add(service.name());
            }
        }
        Duration stallTimeout = FlotillaSettings.get().pullStallTimeout();
        int attempts = FlotillaSettings.get().pullAttempts();
        Map<String, ImagePull> pullsByImage = new LinkedHashMap<>();
        Map<String, CompletableFuture<Phase>> futures = new LinkedHashMap<>();
        servicesByImage.keySet().forEach(image -> {
            ImagePull pull = new ImagePull(docker.client(), image, stallTimeout, attempts);
            pullsByImage.put(image, pull);
            futures.put(image, CompletableFuture.supplyAsync(() -> {
                Instant began = Instant.now();
                boolean pulled = ensure(docker, image, pull, policy);
                return new Phase((pulled ? "pull " : "image on the engine: ") + image, began, Instant.now(), Phase.OK);
            }, EngineThreads.EXECUTOR));
        });
        Map<String, Phase> phases = new LinkedHashMap<>();
        ServiceStartException first = null;
        for (Map.Entry<String, CompletableFuture<Phase>> future : futures.entrySet()) {
            List<String> users = servicesByImage.get(future.getKey());
            try {
                Phase phase = future.getValue().get();
                users.forEach(user -> phases.put(user, phase));
            } catch (InterruptedException e) {
                pullsByImage.values().forEach(ImagePull::cancel);
                Thread.currentThread().interrupt();
                throw new ServiceStartException(users.get(0), "Service \"" + users.get(0) + "\" cannot start: interrupted while pulling image \""
                        + future.getKey() + "\". Nothing was started.", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String fix = cause instanceof ImagePull.Failure failure ? failure.fix() : CHECK_THE_NAME;
                ServiceStartException failure = new ServiceStartException(users.get(0),
                        "Service \"" + users.get(0) + "\" cannot start: image \"" + future.getKey() + "\" " + cause.getMessage()
                                + (users.size() > 1 ? " (also used by " + users.subList(1, users.size()) + ")" : "")
                                + ". Nothing was started. Fix: " + fix, cause);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return phases;
    }

    /**
     * Makes one image available that no service runs (a helper's), pulling it if the engine lacks it.
     *
     * @throws IllegalStateException saying why it could not be had
     */
    static void ensureImage(DockerEngine docker, String image) {
        FlotillaSettings settings = FlotillaSettings.get();
        try {
            ensure(docker, image, new ImagePull(docker.client(), image, settings.pullStallTimeout(), settings.pullAttempts()), PullPolicy.MISSING);
        } catch (ImagePull.Failure e) {
            throw new IllegalStateException("image \"" + image + "\" " + e.getMessage() + ". Fix: " + e.fix(), e);
        }
    }

    /** True if it pulled the image, false if the engine had it. */
    private static boolean ensure(DockerEngine docker, String image, ImagePull pull, PullPolicy policy) {
        if (policy != PullPolicy.ALWAYS) {
            try {
                docker.client().inspectImageCmd(image).exec();
                return false;
            } catch (NotFoundException e) {
                if (policy == PullPolicy.NEVER) {
                    throw new IllegalStateException("is not on the Docker engine, and the pull policy is NEVER", e);
                }
            }
        }
        try {
            pull.run();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("was being pulled when the pull was interrupted", e);
        }
    }
}
