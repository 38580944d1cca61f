package org.tanuu.facts;

/** A YES answer read as evidence for an element, with the strength that applies to this person. */
public record Indicator(String question, String element, java.util.List<String> dimensions, String strength) {
}
