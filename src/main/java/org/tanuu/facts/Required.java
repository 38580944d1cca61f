package org.tanuu.facts;

/** An element that the applicable law requires for identification. */
public record Required(String element) {
}
