package org.tanuu.bench;

import java.util.Locale;

/** One line of the benchmark table, tab-separated after "ROW" so bin/benchmark can gather and align the rows. */
final class Row {
    private Row() {
    }

    /** A ratio against its baseline; {@code atLeast} says whether the target is a floor (throughput) or a ceiling. */
    static void print(String what, String measured, double ratio, double target, boolean atLeast) {
        boolean met = atLeast ? ratio >= target : ratio <= target;
        System.out.println(String.format(Locale.ROOT, "ROW\t%s\t%s\t%.2f×\t%s %.1f×\t%s", what, measured, ratio,
                atLeast ? "≥" : "≤", target, met ? "met" : "NOT MET"));
    }

    /** A ratio shown for reference, with no target of its own. */
    static void info(String what, String measured, double ratio) {
        System.out.println(String.format(Locale.ROOT, "ROW\t%s\t%s\t%.2f×\t—\t", what, measured, ratio));
    }
}
