package dev.flotilla.bench;

import java.util.List;

/**
 * The one service every scenario is made of: busybox's httpd, serving an empty directory, so
 * {@code GET /} answers 404 as soon as it listens. Every contender waits for exactly that.
 */
final class Busybox {

    static final String IMAGE = "busybox:1.36";
    static final int PORT = 8080;
    static final int READY_STATUS = 404;
    static final List<String> HTTPD = List.of("httpd", "-f", "-p", String.valueOf(PORT));

    /** Label on every container and network the benchmark creates, so it only ever removes its own. */
    static final String LABEL = "bench.flotilla.run";
    /** The label's value: this run's id, so a run never touches another run's containers. */
    static final String RUN_ID = java.util.UUID.randomUUID().toString().substring(0, 8);

    private Busybox() {
    }

    /**
     * A httpd that starts listening only after {@code delay}; just before it does, it writes
     * the time (nanoseconds, the kernel's clock) into {@code /www/ready} for the benchmark to read.
     */
    static List<String> delayedHttpd(String delay) {
        return List.of("sh", "-c", "mkdir -p /www && sleep " + delay
                + " && touch /www/t && stat -c %y /www/t > /www/ready && exec httpd -f -p " + PORT + " -h /www");
    }
}
