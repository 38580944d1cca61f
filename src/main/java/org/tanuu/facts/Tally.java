package org.tanuu.facts;

/** Counts of the required elements by status, the input of the decision rules. */
public record Tally(int required, int established, int indicated, int notFound, int lowestScore) {
}
