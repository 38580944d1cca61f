package org.tanuu.facts;

/** A legal test several jurisdictions share: a child sold, bought, exchanged or left as collateral. */
public record ChildSold() {
}
