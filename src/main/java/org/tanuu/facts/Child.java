package org.tanuu.facts;

/** The person counts as a child (under 18 at the time of the events); basis: AGE, AGE_AT_EVENTS or PRESUMED_MINOR. */
public record Child(String basis) {
}
