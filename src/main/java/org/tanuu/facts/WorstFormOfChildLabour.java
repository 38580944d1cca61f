package org.tanuu.facts;

/** A child at the events in a worst form of child labour per se (ILO C.182, Art. 3(a)-(c)); {@code form} is the subparagraph. */
public record WorstFormOfChildLabour(String form) {
}
