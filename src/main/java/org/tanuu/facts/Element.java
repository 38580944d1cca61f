package org.tanuu.facts;

/** One of the elements of the offence the rule book examines (ACT, MEANS, PURPOSE). */
public record Element(String name) {
}
