package dev.flotilla.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apiguardian.api.API;

/** Parses the textual values that annotations carry: durations and memory sizes. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Values {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern MEMORY = Pattern.compile("(\\d+)\\s*([bkmg]?)b?");

    private Values() {
    }

    /** {@code "500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"} or ISO-8601 such as {@code "PT30S"}; empty if not one of these or not positive. */
    public static Optional<Duration> parseDuration(String text) {
        return parseDurationOrZero(text).filter(d -> !d.isZero());
    }

    /** As {@link #parseDuration(String)}, but zero ({@code "0ms"}, {@code "0s"}) counts too. */
    public static Optional<Duration> parseDurationOrZero(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(value);
        Duration duration = null;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else if (value.startsWith("pt")) {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(duration).filter(d -> !d.isNegative());
    }

    /** {@code "256m"}, {@code "1g"}, {@code "512k"}, {@code "64mb"} or a number of bytes; empty if not one of these. */
    public static Optional<Long> parseMemory(String text) {
        Matcher m = MEMORY.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        long factor = switch (m.group(2)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Optional.of(amount * factor);
    }
}
