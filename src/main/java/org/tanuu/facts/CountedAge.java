package org.tanuu.facts;

/** The age that counts for the legal test, in years, and the answer it was read from. */
public record CountedAge(int years, String question) {
}
