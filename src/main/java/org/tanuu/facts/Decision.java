package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** The identification decision and its score (the lowest score among the required elements). */
public final class Decision {
    private final String value;
    private final int score;

    public Decision(String value, int score) {
        this.value = value;
        this.score = score;
    }

    public String getValue() { return value; }
    public int getScore() { return score; }

    @Override public boolean equals(Object other) {
        return other instanceof Decision o && Objects.equals(value, o.value) && Objects.equals(score, o.score);
    }

    @Override public int hashCode() { return Objects.hash(value, score); }

    @Override public String toString() { return "Decision" + List.of(value, score); }
}
