package dev.flotilla.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * The declared name a mistyped one most likely meant, for a fix such as {@code did you mean "cache"?}:
 * the nearest by edits (a letter added, dropped, changed, or two neighbours swapped), ignoring case,
 * if it is near enough to be a typo rather than another name.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NearestName {

    private NearestName() {
    }

    /** The candidate nearest to {@code name}, if one is within a typo's reach: one edit, or two for names of six letters or more. */
    public static Optional<String> to(String name, Collection<String> candidates) {
        int reach = name.length() >= 6 ? 2 : 1;
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < best && distance <= reach && !candidate.equals(name)) {
                nearest = candidate;
                best = distance;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** The fix for an unknown {@code name}: the nearest candidate, or else {@code otherwise}. */
    public static String fix(String name, Collection<String> candidates, String otherwise) {
        return to(name, candidates).map(nearest -> "did you mean \"" + nearest + "\"?").orElse(otherwise);
    }

    /** Edits from {@code a} to {@code b}, a swap of neighbours counting as one (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
