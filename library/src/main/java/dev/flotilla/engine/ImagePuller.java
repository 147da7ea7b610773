package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.flotilla.PullPolicy;
import dev.flotilla.ServiceStartException;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every image of a topology available before any container is created, pulling the
 * missing ones (or all, or none, by policy) in parallel, and logging progress.
 */
final class ImagePuller {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);

    private ImagePuller() {
    }

    /**
     * Ensures every image is on the engine.
     *
     * @throws ServiceStartException naming the first service whose image is not to be had; the others are suppressed
     */
    static void pullAll(DockerEngine docker, TopologySpec spec, PullPolicy policy) {
        Map<String, List<String>> servicesByImage = new LinkedHashMap<>();
        for (ServiceSpec service : spec.services()) {
            servicesByImage.computeIfAbsent(service.image(), i -> new ArrayList<>()).add(service.name());
        }
        Map<String, CompletableFuture<Void>> pulls = new LinkedHashMap<>();
        servicesByImage.keySet().forEach(image ->
                pulls.put(image, CompletableFuture.runAsync(() -> ensure(docker, image, policy), EngineThreads.EXECUTOR)));
        ServiceStartException first = null;
        for (Map.Entry<String, CompletableFuture<Void>> pull : pulls.entrySet()) {
            try {
                pull.getValue().join();
            } catch (CompletionException e) {
                List<String> users = servicesByImage.get(pull.getKey());
                ServiceStartException failure = new ServiceStartException(users.get(0),
                        "Service \"" + users.get(0) + "\" cannot start: image \"" + pull.getKey() + "\" " + e.getCause().getMessage()
                                + (users.size() > 1 ? " (also used by " + users.subList(1, users.size()) + ")" : "")
                                + ". Nothing was started. Fix: check the image name and tag; if its registry needs a login,"
                                + " run docker login; if the image is built locally, build it before the test.", e.getCause());
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
    }

    private static void ensure(DockerEngine docker, String image, PullPolicy policy) {
        if (policy != PullPolicy.ALWAYS) {
            try {
                docker.client().inspectImageCmd(image).exec();
                return;
            } catch (NotFoundException e) {
                if (policy == PullPolicy.NEVER) {
                    throw new IllegalStateException("is not on the Docker engine, and the pull policy is NEVER", e);
                }
            }
        }
        pull(docker, image);
    }

    private static void pull(DockerEngine docker, String image) {
        String repository;
        String tag;
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at > 0) {
            repository = image.substring(0, at);
            tag = image.substring(at + 1);
        } else if (colon > image.lastIndexOf('/')) {
            repository = image.substring(0, colon);
            tag = image.substring(colon + 1);
        } else {
            repository = image;
            tag = "latest";
        }
        long start = System.nanoTime();
        LOG.info("Pulling image {}", image);
        String[] error = new String[1];
        try {
            docker.client().pullImageCmd(repository).withTag(tag).exec(new ResultCallback.Adapter<PullResponseItem>() {
                private String lastStatus;

                @Override
                public void onNext(PullResponseItem item) {
                    if (item.isErrorIndicated()) {
                        error[0] = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                    } else if (item.getId() == null && item.getStatus() != null && !item.getStatus().equals(lastStatus)) {
                        lastStatus = item.getStatus();
                        LOG.info("{}: {}", image, item.getStatus());
                    } else if (item.getId() != null && "Pull complete".equals(item.getStatus())) {
                        LOG.debug("{}: layer {} pulled", image, item.getId());
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    // Reported below with the service's name; docker-java's default would log it as a bare ERROR first.
                    error[0] = throwable.getMessage();
                    onComplete();
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pull was interrupted", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not be pulled: " + e.getMessage(), e);
        }
        if (error[0] != null) {
            throw new IllegalStateException("could not be pulled: " + error[0]);
        }
        LOG.info("Pulled image {} in {} ms", image, (System.nanoTime() - start) / 1_000_000);
    }
}
