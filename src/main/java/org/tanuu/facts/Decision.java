package org.tanuu.facts;

/** The identification decision and its score (the lowest score among the required elements). */
public record Decision(String value, int score) {
}
