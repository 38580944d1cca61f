package org.tanuu.facts;

/**
 * The input of the decision rules: of the required elements, how many there are, how many are established and how
 * many not found; of all three elements, how many are established or indicated ({@code supported}); and the lowest
 * score among the required elements.
 */
public record Tally(int required, int established, int notFound, int supported, int lowestScore) {
}
