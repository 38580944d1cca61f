package org.tanuu.facts;

/**
 * An ILO/EC dimension is met: its indicators meet an establishing combination ({@code basis} INDICATORS), or a question
 * of it in the words of the law was answered YES ({@code basis} LAW).
 */
public record DimensionMet(String dimension, String element, String basis) {
}
