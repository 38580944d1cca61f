package org.tanuu.facts;

/** A legal test several jurisdictions share (common/shared-tests.drl): paid to cross a border, free on arrival, no exploitation purpose. */
public record SmugglingPattern() {
}
