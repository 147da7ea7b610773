package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The time axis of a start-up timeline: milliseconds since the instance began, mapped to x
 * coordinates. Stretches where nothing happens that are long compared with the whole (the tests
 * running between start-up and teardown) are cut out and drawn as a narrow break; otherwise a
 * one-second start-up beside a minute of tests would be a sliver.
 */
final class TimeAxis {

    /** A stretch of time drawn to scale, from {@code from} to {@code to} ms, at {@code x} over {@code width} pixels. */
    record Segment(long from, long to, double x, double width) {
        double x(long millis) {
            return to == from ? x : x + (millis - from) * width / (to - from);
        }
    }

    /** A stretch cut out between two segments. */
    record Break(long from, long to, double x, double width) {
    }

    static final double BREAK_WIDTH = 60;
    private static final double MIN_SEGMENT_WIDTH = 90;
    private static final long MIN_CUT_MILLIS = 1500;
    private static final double CUT_SHARE = 0.2;
    private static final double TICK_SPACING = 90;
    private static final double EDGE = 18;

    private final List<Segment> segments;

    private TimeAxis(List<Segment> segments) {
        this.segments = segments;
    }

    /**
     * An axis over {@code width} pixels from {@code x} that shows every moment of {@code activity}
     * (intervals {@code [from, to]} in ms since the start, which is 0).
     */
    static TimeAxis fit(List<long[]> activity, double x, double width) {
        List<long[]> clusters = clusters(activity);
        double available = width - (clusters.size() - 1) * BREAK_WIDTH;
        double[] widths = widths(clusters, available);
        List<Segment> segments = new ArrayList<>();
        double left = x;
        for (int i = 0; i < clusters.size(); i++) {
            segments.add(new Segment(clusters.get(i)[0], clusters.get(i)[1], left, widths[i]));
            left += widths[i] + BREAK_WIDTH;
        }
        return new TimeAxis(segments);
    }

    /** Merges intervals into clusters separated by idle stretches long enough to cut; pads each a little. */
    private static List<long[]> clusters(List<long[]> activity) {
        List<long[]> sorted = new ArrayList<>(activity);
        sorted.add(new long[] {0, 0});
        sorted.sort(Comparator.comparingLong(a -> a[0]));
        long span = sorted.stream().mapToLong(a -> a[1]).max().orElse(0);
        long cut = Math.max(MIN_CUT_MILLIS, (long) (span * CUT_SHARE));
        List<long[]> clusters = new ArrayList<>();
        for (long[] interval : sorted) {
            long[] last = clusters.isEmpty() ? null : clusters.get(clusters.size() - 1);
            if (last != null && interval[0] - last[1] <= cut) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                clusters.add(new long[] {interval[0], Math.max(interval[0], interval[1])});
            }
        }
        for (int i = 0; i < clusters.size(); i++) {
            long[] cluster = clusters.get(i);
            long pad = Math.max(20, (cluster[1] - cluster[0]) / 30);
            cluster[0] = i == 0 ? 0 : cluster[0] - pad;
            cluster[1] += pad;
        }
        return clusters;
    }

    /** Each cluster's width, proportional to its length, but none narrower than {@link #MIN_SEGMENT_WIDTH}. */
    private static double[] widths(List<long[]> clusters, double available) {
        int n = clusters.size();
        double[] widths = new double[n];
        boolean[] fixed = new boolean[n];
        for (int pass = 0; pass < n; pass++) {
            double free = available;
            long length = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= MIN_SEGMENT_WIDTH;
                } else {
                    length += clusters.get(i)[1] - clusters.get(i)[0];
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    widths[i] = length == 0 ? free : free * (clusters.get(i)[1] - clusters.get(i)[0]) / length;
                    if (widths[i] < MIN_SEGMENT_WIDTH) {
                        fixed[i] = true;
                        widths[i] = MIN_SEGMENT_WIDTH;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return widths;
    }

    List<Segment> segments() {
        return segments;
    }

    List<Break> breaks() {
        List<Break> breaks = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            Segment before = segments.get(i - 1);
            Segment after = segments.get(i);
            breaks.add(new Break(before.to(), after.from(), before.x() + before.width(), after.x() - before.x() - before.width()));
        }
        return breaks;
    }

    /** Where {@code millis} is drawn; a moment in a cut stretch is drawn in its break. */
    double x(long millis) {
        Segment previous = null;
        for (Segment segment : segments) {
            if (millis <= segment.to()) {
                if (millis >= segment.from() || previous == null) {
                    return segment.x(Math.max(millis, segment.from()));
                }
                return previous.x() + previous.width() + BREAK_WIDTH / 2;
            }
            previous = segment;
        }
        Segment last = segments.get(segments.size() - 1);
        return last.x() + last.width();
    }

    /**
     * Round moments inside a segment, about one per {@link #TICK_SPACING} pixels; none right at an
     * edge (but the start), where its label would run into a break's or off the picture.
     */
    static List<Long> ticks(Segment segment) {
        long step = step(segment);
        List<Long> ticks = new ArrayList<>();
        for (long t = (segment.from() + step - 1) / step * step; t <= segment.to(); t += step) {
            double x = segment.x(t);
            if (t == 0 || x - segment.x() >= EDGE && segment.x() + segment.width() - x >= EDGE) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    private static long step(Segment segment) {
        double wanted = (segment.to() - segment.from()) / Math.max(1, segment.width() / TICK_SPACING);
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (magnitude * factor >= wanted) {
                    return magnitude * factor;
                }
            }
            magnitude *= 10;
        }
    }

    /** A tick's label: seconds with as many decimals as the segment's step needs ("0 s", "0.25 s", "21.5 s"). */
    static String label(Segment segment, long millis) {
        if (millis == 0) {
            return "0 s";
        }
        long step = step(segment);
        int decimals = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f s", millis / 1000.0);
    }
}
