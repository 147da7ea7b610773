package dev.flotilla.engine;

import java.util.Locale;

/** Lengths of time as the run report shows them to a reader: "85 ms", "1.24 s", "12.5 s", "3 min 05 s". */
final class Elapsed {

    private Elapsed() {
    }

    static String format(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
