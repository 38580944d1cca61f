package org.tanuu.facts;

/**
 * The person is a child at the interview (not only at the events): child protection is for them now. basis: AGE
 * (person.age under 18), PRESUMED_MINOR, or AT_EVENTS (no age at the interview known, a child at the events, and
 * nothing shows 18 or more today).
 */
public record ChildNow(String basis) {
}
