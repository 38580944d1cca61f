package org.tanuu.facts;

/** A finding reported beside the decision (CHILD, NON_PUNISHMENT, SMUGGLING, ...). */
public record Flag(String code) {
}
