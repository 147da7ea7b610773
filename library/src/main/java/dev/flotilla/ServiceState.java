package dev.flotilla;

import java.util.Optional;
import java.util.OptionalLong;

import org.apiguardian.api.API;

/**
 * What a service's container is doing, as the engine reports it at the moment it is asked.
 *
 * @param status the engine's word for it, in Docker's words on every engine (Podman's own
 *     {@code stopped} reads {@code exited}): {@code created}, {@code running}, {@code paused},
 *     {@code exited}, {@code removed}...
 * @param running whether the container runs (paused counts as running)
 * @param exitCode the exit code of its last run; empty while it has never exited
 * @param oomKilled whether the engine reports that the kernel's OOM killer ended it
 * @param restarts how often the engine restarted it
 * @param health the status of the image's health check ({@code starting}, {@code healthy},
 *     {@code unhealthy}); empty where the image has none or the engine runs none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ServiceState(String status, boolean running, OptionalLong exitCode, boolean oomKilled, int restarts,
        Optional<String> health) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(status);
        if (!running && exitCode.isPresent()) {
            text.append(", exit code ").append(exitCode.getAsLong()).append(", OOM-killed ").append(oomKilled ? "yes" : "no");
        }
        if (restarts > 0) {
            text.append(", restarted ").append(restarts).append(restarts == 1 ? " time" : " times");
        }
        health.ifPresent(h -> text.append(", health ").append(h));
        return text.toString();
    }
}
