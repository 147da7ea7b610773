package dev.flotilla.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apiguardian.api.API;

/**
 * A health check the container runs instead of its image's HEALTHCHECK, as Docker's
 * {@code --health-*} options and Compose's {@code healthcheck} define it.
 *
 * @param test the check, in Docker's form: {@code ["CMD", program, args...]},
 *     {@code ["CMD-SHELL", "shell command"]}, or {@code ["NONE"]} to turn the image's check off
 * @param interval the time between checks
 * @param timeout how long one check may run
 * @param retries how many failures in a row make the container unhealthy
 * @param startPeriod the time after start during which failures do not count
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record HealthCheckSpec(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {

    public HealthCheckSpec {
        test = List.copyOf(test);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(startPeriod, "startPeriod");
    }

    /** Whether this turns the image's health check off. */
    public boolean disabled() {
        return !test.isEmpty() && "NONE".equals(test.get(0));
    }
}
