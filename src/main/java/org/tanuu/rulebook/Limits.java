package org.tanuu.rulebook;

import java.time.Duration;

/**
 * Bounds on what a rule book may cost, so that no rule can take the service down: rule firings per evaluation (a rule
 * that keeps re-inserting what it matches would otherwise run until the heap is full), and the time the sample cases
 * may take to replay before a reload is accepted.
 *
 * <p>The largest sample case fires about 100 rules (both jurisdictions of a KG case together); the default firing limit
 * is ten times that and more.
 */
public record Limits(int firings, Duration replay) {
    public static final Limits DEFAULT = new Limits(2_000, Duration.ofSeconds(60));

    public Limits {
        if (firings < 1 || replay.isNegative() || replay.isZero()) {
            throw new IllegalArgumentException("limits must be positive: firings " + firings + ", replay " + replay);
        }
    }
}
