package org.tanuu.facts;

/**
 * A required element whose requirement rests on no source for this jurisdiction (a fallback to the Palermo elements,
 * KZ): its NOT_FOUND does not by itself make the person NOT_IDENTIFIED; the jurisdiction's own rule says what it leads to.
 */
public record UnsourcedRequirement(String element) {
}
