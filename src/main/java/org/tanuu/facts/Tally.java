package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** Counts of the required elements by status, the input of the decision rules. */
public final class Tally {
    private final int required;
    private final int established;
    private final int indicated;
    private final int notFound;
    private final int lowestScore;

    public Tally(int required, int established, int indicated, int notFound, int lowestScore) {
        this.required = required;
        this.established = established;
        this.indicated = indicated;
        this.notFound = notFound;
        this.lowestScore = lowestScore;
    }

    public int getRequired() { return required; }
    public int getEstablished() { return established; }
    public int getIndicated() { return indicated; }
    public int getNotFound() { return notFound; }
    public int getLowestScore() { return lowestScore; }

    @Override public boolean equals(Object other) {
        return other instanceof Tally o && Objects.equals(required, o.required) && Objects.equals(established, o.established) && Objects.equals(indicated, o.indicated) && Objects.equals(notFound, o.notFound) && Objects.equals(lowestScore, o.lowestScore);
    }

    @Override public int hashCode() { return Objects.hash(required, established, indicated, notFound, lowestScore); }

    @Override public String toString() { return "Tally" + List.of(required, established, indicated, notFound, lowestScore); }
}
