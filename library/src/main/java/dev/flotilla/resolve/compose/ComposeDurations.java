package dev.flotilla.resolve.compose;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's durations: {@code 10s}, {@code 1m30s}, {@code 500ms}, {@code 2h}, {@code 1.5s}. */
final class ComposeDurations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");

    private ComposeDurations() {
    }

    static Duration parse(String text) {
        String trimmed = text.strip();
        Matcher matcher = PART.matcher(trimmed);
        long nanos = 0;
        int position = 0;
        do {
            matcher.region(position, trimmed.length());
            if (!matcher.lookingAt()) {
                throw new IllegalArgumentException("\"" + text + "\" is not a duration (for example 10s, 1m30s or 500ms)");
            }
            long unit = switch (matcher.group(2)) {
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += (long) (Double.parseDouble(matcher.group(1)) * unit);
            position = matcher.end();
        } while (position < trimmed.length());
        return Duration.ofNanos(nanos);
    }
}
