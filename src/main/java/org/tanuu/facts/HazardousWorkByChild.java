package org.tanuu.facts;

/** A legal test several jurisdictions share: a person below the minimum age for hazardous work (or presumed a minor) in hazardous work. */
public record HazardousWorkByChild() {
}
