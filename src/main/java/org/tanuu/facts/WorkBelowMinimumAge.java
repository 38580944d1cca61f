package org.tanuu.facts;

/** A legal test several jurisdictions share: a person below the minimum age for work at work, with or without a written contract. */
public record WorkBelowMinimumAge(boolean writtenContract) {
}
