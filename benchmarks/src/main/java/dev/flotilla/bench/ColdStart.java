package dev.flotilla.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The cold start: the first topology of a fresh JVM (engine discovery, class loading, and for
 * Flotilla its cleanup watchdog), against the docker-java floor in a fresh JVM too; and, in the
 * same JVM, the second start, so that the first's extra cost shows.
 */
final class ColdStart {

    static final String LAUNCH_TO_READY = "cold start: JVM launch to 1 service ready";
    static final String CONNECT = "cold start: engine found (Testcontainers' discovery)";
    static final String FIRST = "cold start: first start, engine found";
    static final String SECOND = "warm start: second start, same JVM";
    static final List<String> ROWS = List.of(LAUNCH_TO_READY, CONNECT, FIRST, SECOND);
    static final String FLOOR = "docker-java floor";
    static final String FLOTILLA = "Flotilla";

    private ColdStart() {
    }

    static void run(int warmup, int rounds, Samples samples) throws Exception {
        for (int round = 1 - warmup; round <= rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of("floor", "flotilla") : List.of("flotilla", "floor");
            for (String mode : order) {
                measure(mode, round >= 1 ? samples : null);
                Thread.sleep(300);
            }
        }
    }

    private static void measure(String mode, Samples samples) throws IOException, InterruptedException {
        String contender = mode.equals("floor") ? FLOOR : FLOTILLA;
        long launched = System.nanoTime();
        Process probe = new ProcessBuilder(ColdStartProbe.command(mode)).redirectErrorStream(true).start();
        double launchToReady = -1;
        String timings = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("FIRST_READY")) {
                    launchToReady = (System.nanoTime() - launched) / 1e6;
                } else if (line.startsWith("TIMINGS ")) {
                    timings = line;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (probe.waitFor() != 0 || timings == null || launchToReady < 0) {
            throw new IllegalStateException("the cold-start probe (" + mode + ") failed:\n" + output);
        }
        if (samples != null) {
            String[] parts = timings.split(" ");
            samples.add(LAUNCH_TO_READY, contender, launchToReady);
            samples.add(CONNECT, contender, Double.parseDouble(parts[1]));
            samples.add(FIRST, contender, Double.parseDouble(parts[2]));
            samples.add(SECOND, contender, Double.parseDouble(parts[3]));
        }
    }
}
