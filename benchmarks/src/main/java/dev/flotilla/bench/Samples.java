package dev.flotilla.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Measured times in milliseconds, by row (such as "start: 8 independent") and contender, in the order first seen. */
final class Samples {

    private final Map<String, Map<String, List<Double>>> byRow = new LinkedHashMap<>();

    void add(String row, String contender, double millis) {
        byRow.computeIfAbsent(row, r -> new LinkedHashMap<>()).computeIfAbsent(contender, c -> new ArrayList<>()).add(millis);
    }

    List<String> rows() {
        return List.copyOf(byRow.keySet());
    }

    List<Double> of(String row, String contender) {
        return byRow.getOrDefault(row, Map.of()).getOrDefault(contender, List.of());
    }

    /** The median, or NaN if nothing was measured. */
    double median(String row, String contender) {
        return median(of(row, contender));
    }

    /**
     * The median over rounds of {@code combine(a, b)}, pairing the two contenders' samples of
     * the same round. The machine is shared, so load drifts from round to round; contenders of
     * one round ran seconds apart, so the paired figure is the steadier one.
     */
    double pairedMedian(String row, String a, String b, java.util.function.DoubleBinaryOperator combine) {
        return pairedMedian(row, a, row, b, combine);
    }

    /** As above, pairing {@code a}'s samples of {@code rowA} with {@code b}'s of {@code rowB}, round by round. */
    double pairedMedian(String rowA, String a, String rowB, String b, java.util.function.DoubleBinaryOperator combine) {
        List<Double> first = of(rowA, a);
        List<Double> second = of(rowB, b);
        List<Double> combined = new ArrayList<>();
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            combined.add(combine.applyAsDouble(first.get(i), second.get(i)));
        }
        return median(combined);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Every sample as CSV: row, contender, round, milliseconds. */
    String csv() {
        StringBuilder csv = new StringBuilder("row,contender,sample,ms\n");
        byRow.forEach((row, contenders) -> contenders.forEach((contender, values) -> {
            for (int i = 0; i < values.size(); i++) {
                csv.append('"').append(row).append("\",\"").append(contender).append("\",").append(i + 1)
                        .append(',').append(String.format(java.util.Locale.ROOT, "%.3f", values.get(i))).append('\n');
            }
        }));
        return csv.toString();
    }
}
