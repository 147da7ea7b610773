package dev.flotilla.engine;

import java.time.Duration;
import java.util.Locale;

/**
 * Prints durations: as users write them in annotations ("500ms", "30s", "2m"), and as a person
 * reads how long something took ("850 ms", "4.2 s", "2 min 05 s").
 */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** How long something took, rounded to what a reader cares about at that length. */
    static String took(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
