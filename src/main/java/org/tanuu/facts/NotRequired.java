package org.tanuu.facts;

/** An element the applicable law does not require for this person (e.g. MEANS for a child); the decision reads it. */
public record NotRequired(String element) {
}
