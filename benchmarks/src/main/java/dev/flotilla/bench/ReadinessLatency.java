package dev.flotilla.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How long after a service becomes ready its contender notices. The service sleeps
 * {@value #DELAY_SECONDS} s, so every contender is already polling, then records the kernel's
 * clock in a file and starts httpd; the latency is the wall-clock time at which {@code start()}
 * returned minus that timestamp. Container and JVM share this machine's clock. The gap between
 * the timestamp and httpd listening (an {@code exec}, a few milliseconds) is in every
 * contender's number, and the floor shows how big it is.
 */
final class ReadinessLatency {

    static final String DELAY_SECONDS = "1";
    private static final DateTimeFormatter STAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z");

    private ReadinessLatency() {
    }

    /** Milliseconds from the service becoming ready to {@code contender.start} returning. */
    static double measure(Contender contender) throws Exception {
        try (Contender.Deployment deployment = contender.start(Scenario.single(), Busybox.delayedHttpd(DELAY_SECONDS))) {
            Instant returned = Instant.now();
            String[] address = deployment.address("web").split(":");
            String stamp = HttpProbe.body(address[0], Integer.parseInt(address[1]), "/ready").strip();
            Instant ready = ZonedDateTime.parse(stamp, STAT_TIME).toInstant();
            return Duration.between(ready, returned).toNanos() / 1e6;
        }
    }
}
