package org.tanuu.facts;

/** An edition of a law in force on the day of the events (or, for undated events, one that could be): {@code edition} names it, e.g. {@code criminal-code-1997}. */
public record EditionInForce(String edition) {
}
