package org.tanuu.facts;

/**
 * An ILO/EC (2009) operational-indicator dimension and the element its indicators are evidence of (the questionnaire's
 * {@code dimensions} section: the mapping is the rule book's reading, not the ILO/EC's words).
 */
public record Dimension(String name, String element, String text) {
}
