package dev.flotilla.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.flotilla.ExecResult;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;

/**
 * The fault proxy's own cost, with no fault switched on: one redis:7 server ({@code cache}) and
 * two clients from the same image on the same network, {@code direct} reaching it straight and
 * {@code proxied} through a {@code proxiedLink}, so the proxy is the only difference. Every
 * figure is measured by {@code redis-benchmark} inside the client container, one exec per
 * measurement, so the exec itself is not counted; the two clients take turns, the first of a
 * round alternating, so load from other work on the machine falls on both alike.
 */
final class ProxyOverhead {

    static final String DIRECT = "direct";
    static final String PROXIED = "proxied";
    static final List<String> CLIENTS = List.of(DIRECT, PROXIED);

    static final String SERVER = "cache";
    static final int PORT = 6379;
    static final String IMAGE = "redis:7";
    /** Requests per round-trip measurement: PING on one connection, one at a time. */
    static final int PINGS = 20_000;
    /** The value that the bulk measurement reads again and again. */
    static final int VALUE_BYTES = 10 * 1024 * 1024;
    /** GETs of that value per bulk measurement, one at a time on one connection. */
    static final int GETS = 100;

    /** redis-benchmark's name for a GET without {@code -r}: the key it reads. */
    private static final String KEY = "key:__rand_int__";
    private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(2);
    private static final String PROXY = "proxy-" + PROXIED + "-to-" + SERVER;

    private ProxyOverhead() {
    }

    /**
     * Starts the topology, runs {@code warmup} unmeasured rounds and then {@code rounds} measured
     * ones into {@code samples}, and removes the topology.
     */
    static void run(int warmup, int rounds, Samples samples) {
        try (RunningTopology running = start()) {
            checkRouting(running);
            fill(running.service(SERVER));
            for (int round = 1 - warmup; round <= rounds; round++) {
                List<String> order = Math.floorMod(round, 2) == 0 ? CLIENTS : List.of(PROXIED, DIRECT);
                for (String client : order) {
                    roundTrip(running.service(client), round >= 1 ? samples : null, client);
                }
                for (String client : order) {
                    bulk(running.service(client), round >= 1 ? samples : null, client);
                }
                System.out.printf(Locale.ROOT, "proxy overhead: %s round %d done%n", round >= 1 ? "measured" : "warm-up",
                        round >= 1 ? round : round + warmup);
            }
        }
    }

    private static RunningTopology start() {
        // The clients only host redis-benchmark; ten minutes is several times a default run (about 90 s).
        String[] sleep = {"sleep", "600"};
        return Flotilla.topology("bench-proxy-overhead")
                .service(SERVER, IMAGE, s -> s
                        .ports(PORT)
                        .waitForLog("Ready to accept connections", 1)
                        .label(Busybox.LABEL, Busybox.RUN_ID))
                .service(DIRECT, IMAGE, s -> s.command(sleep).dependsOn(SERVER).label(Busybox.LABEL, Busybox.RUN_ID))
                .service(PROXIED, IMAGE, s -> s.command(sleep).dependsOn(SERVER).label(Busybox.LABEL, Busybox.RUN_ID))
                .proxiedLink(PROXIED, SERVER)
                .build()
                .start();
    }

    /**
     * A proxy that the client bypassed would cost nothing: the proxied client's name for the
     * server must resolve to the proxy, the direct client's to the server itself.
     */
    private static void checkRouting(RunningTopology running) {
        String direct = resolve(running.service(DIRECT), SERVER);
        String proxied = resolve(running.service(PROXIED), SERVER);
        String proxy = resolve(running.service(DIRECT), PROXY);
        if (direct.equals(proxied) || !proxied.equals(proxy)) {
            throw new IllegalStateException("The proxied link is not in place: in " + DIRECT + " \"" + SERVER + "\" is "
                    + direct + ", in " + PROXIED + " it is " + proxied + ", and " + PROXY + " is " + proxy);
        }
    }

    private static String resolve(ServiceHandle client, String name) {
        String line = ok(client, "getent", "hosts", name).strip();
        return line.split("\\s+")[0];
    }

    /** Stores the value once, through the server's own redis-cli, under the key redis-benchmark reads. */
    private static void fill(ServiceHandle server) {
        ok(server, "sh", "-c", "head -c " + VALUE_BYTES + " /dev/zero | redis-cli -x set " + KEY);
        String length = ok(server, "redis-cli", "strlen", KEY).strip();
        if (!length.equals(String.valueOf(VALUE_BYTES))) {
            throw new IllegalStateException("The value for the bulk measurement has " + length + " bytes, not " + VALUE_BYTES);
        }
    }

    /** p50 and p99 of {@link #PINGS} inline PINGs, one connection, one request at a time. */
    private static void roundTrip(ServiceHandle client, Samples samples, String name) {
        Result result = benchmark(client, "ping_inline", PINGS);
        if (samples != null) {
            samples.add(Rows.PROXY_ROUND_TRIP_P50, name, result.p50Millis());
            samples.add(Rows.PROXY_ROUND_TRIP_P99, name, result.p99Millis());
        }
    }

    /** Milliseconds per GET of the {@link #VALUE_BYTES} value, from redis-benchmark's own requests per second. */
    private static void bulk(ServiceHandle client, Samples samples, String name) {
        Result result = benchmark(client, "get", GETS);
        if (samples != null) {
            samples.add(Rows.PROXY_BULK, name, 1000 / result.requestsPerSecond());
        }
    }

    private static Result benchmark(ServiceHandle client, String test, int requests) {
        String csv = ok(client, "redis-benchmark", "-h", SERVER, "-p", String.valueOf(PORT), "-t", test,
                "-n", String.valueOf(requests), "-c", "1", "--csv");
        return Result.parse(csv, client.name());
    }

    private static String ok(ServiceHandle service, String... command) {
        ExecResult result = service.exec(EXEC_TIMEOUT, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " in " + service.name() + " exited with "
                    + result.exitCode() + ": " + result.stderr().strip() + " " + result.stdout().strip());
        }
        return result.stdout();
    }

    /** One line of redis-benchmark's {@code --csv} output (redis 7: test, rps, avg, min, p50, p95, p99, max). */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis) {

        static Result parse(String csv, String client) {
            List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() != 2 || !lines.get(0).startsWith("\"test\",\"rps\"")) {
                throw new IllegalStateException("Unexpected redis-benchmark output in " + client + ":\n" + csv);
            }
            List<String> names = List.of(lines.get(0).replace("\"", "").split(","));
            List<String> values = List.of(lines.get(1).replace("\"", "").split(","));
            return new Result(field(names, values, "rps", csv), field(names, values, "p50_latency_ms", csv),
                    field(names, values, "p99_latency_ms", csv));
        }

        private static double field(List<String> names, List<String> values, String name, String csv) {
            int column = names.indexOf(name);
            if (column < 0 || column >= values.size()) {
                throw new IllegalStateException("No " + name + " in redis-benchmark's output:\n" + csv);
            }
            return Double.parseDouble(values.get(column));
        }
    }
}
