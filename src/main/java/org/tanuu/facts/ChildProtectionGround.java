package org.tanuu.facts;

/** A legal test several jurisdictions share: a child identified or presumed a victim, or in child labour. */
public record ChildProtectionGround() {
}
