package dev.flotilla.bench;

import java.util.Locale;

/**
 * The fault proxy's cost as a table (direct and proxied medians, the difference or ratio) and
 * the two targets, each judged on the median over rounds of that round's pair, as the
 * start-up targets are.
 */
final class ProxyReport {

    private static final String DIRECT = ProxyOverhead.DIRECT;
    private static final String PROXIED = ProxyOverhead.PROXIED;

    private final Samples samples;
    private final int warmup;

    ProxyReport(Samples samples, int warmup) {
        this.samples = samples;
        this.warmup = warmup;
    }

    String render() {
        StringBuilder md = new StringBuilder("Fault proxy on a link, no fault active: redis:7 through a proxied link against the same"
                + " server reached directly (medians over " + rounds() + " rounds; in the last column proxied - direct, or"
                + " proxied / direct for throughput):\n\n");
        md.append("| measurement | ").append(DIRECT).append(" | ").append(PROXIED).append(" | cost |\n|---|---:|---:|---:|\n");
        for (String row : new String[] {Rows.PROXY_ROUND_TRIP_P50, Rows.PROXY_ROUND_TRIP_P99}) {
            double direct = samples.median(row, DIRECT);
            double proxied = samples.median(row, PROXIED);
            md.append("| ").append(row).append(" | ").append(fine(direct)).append(" | ").append(fine(proxied))
                    .append(" | ").append(signed(proxied - direct)).append(" |\n");
        }
        double direct = megabytesPerSecond(samples.median(Rows.PROXY_BULK, DIRECT));
        double proxied = megabytesPerSecond(samples.median(Rows.PROXY_BULK, PROXIED));
        md.append("| ").append(Rows.PROXY_BULK).append(", MB/s | ").append(rate(direct)).append(" | ").append(rate(proxied))
                .append(" | ").append(ratio(proxied / direct)).append(" |\n");

        double added = samples.pairedMedian(Rows.PROXY_ROUND_TRIP_P50, PROXIED, DIRECT, (a, b) -> a - b);
        double addedP99 = samples.pairedMedian(Rows.PROXY_ROUND_TRIP_P99, PROXIED, DIRECT, (a, b) -> a - b);
        // Samples hold milliseconds per GET, so direct time over proxied time is proxied throughput over direct.
        double kept = samples.pairedMedian(Rows.PROXY_BULK, DIRECT, PROXIED, (a, b) -> a / b);
        md.append("\n| target (fault proxy) | measured (median of per-round differences or ratios; medians in brackets) | met |\n|---|---|---|\n");
        md.append("| a proxied link with no fault adds at most 1 ms to a request's round trip | ")
                .append(signed(added)).append(" at p50, ").append(signed(addedP99)).append(" at p99 (medians: ")
                .append(signed(samples.median(Rows.PROXY_ROUND_TRIP_P50, PROXIED) - samples.median(Rows.PROXY_ROUND_TRIP_P50, DIRECT)))
                .append(" at p50) | ").append(met(added <= 1.0)).append(" |\n");
        md.append("| a proxied link with no fault loses at most 5% of throughput | ")
                .append(percent(1 - kept)).append(" lost, ").append(ratio(kept)).append(" (medians: ").append(ratio(proxied / direct))
                .append(") | ").append(met(kept >= 0.95)).append(" |\n");
        md.append("\nMethod: one topology, ").append(ProxyOverhead.SERVER).append(" = ").append(ProxyOverhead.IMAGE)
                .append(" and two clients from the same image on the same network, ").append(DIRECT).append(" and ").append(PROXIED)
                .append(" (proxiedLink to ").append(ProxyOverhead.SERVER).append("). Every figure is redis-benchmark's own,")
                .append(" run inside the client, one exec per measurement: round trip = ").append(ProxyOverhead.PINGS)
                .append(" PING_INLINE on one connection, one at a time (-c 1), p50 and p99 of that run;")
                .append(" bulk = ").append(ProxyOverhead.GETS).append(" GETs of one ").append(ProxyOverhead.VALUE_BYTES / (1024 * 1024))
                .append(" MiB value (stored once through the server's redis-cli) on one connection, MB/s = 10^6 bytes per second from")
                .append(" its requests per second. ").append(warmup).append(" warm-up round(s), then ").append(rounds())
                .append(" measured; in each round both clients measure round trip then bulk, taking turns, the first alternating")
                .append(" from round to round.\n");
        return md.toString();
    }

    private int rounds() {
        return samples.of(Rows.PROXY_BULK, DIRECT).size();
    }

    private static double megabytesPerSecond(double millisPerGet) {
        return ProxyOverhead.VALUE_BYTES / 1e6 / (millisPerGet / 1000);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String fine(double millis) {
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }

    private static String signed(double millis) {
        return String.format(Locale.ROOT, "%+.3f ms", millis);
    }

    private static String rate(double megabytesPerSecond) {
        return String.format(Locale.ROOT, "%,.0f MB/s", megabytesPerSecond);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
