package dev.flotilla.resolve.compose;

import java.util.Locale;

/** Compose's byte sizes: {@code 1024}, {@code 64m}, {@code 1g}, {@code 512kb}. */
final class ByteSizes {

    private ByteSizes() {
    }

    static long parse(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replaceFirst("b$", "");
        long unit = 1;
        char last = lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> { }
        }
        String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (for example 64m)");
        }
    }
}
