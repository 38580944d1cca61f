package org.tanuu.facts;

/**
 * The input of the decision rules: of the required elements, how many there are, how many are established, how many
 * not found, and how many of those not found are required only on no source ({@link UnsourcedRequirement}); and the
 * lowest score among the required elements.
 */
public record Tally(int required, int established, int notFound, int notFoundUnsourced, int lowestScore) {
}
