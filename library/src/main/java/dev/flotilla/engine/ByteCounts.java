package dev.flotilla.engine;

import java.util.Locale;

/** Prints byte counts as Docker does, in decimal units: "512 B", "1.3 kB", "120.4 MB", "1.1 GB". */
final class ByteCounts {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private ByteCounts() {
    }

    static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        // 999.95 and up prints as 1000.0 at one decimal: that is the next unit's 1.0
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
