package org.tanuu.facts;

/** A legal test several jurisdictions share: a child used for crime committed an offence of drug carrying or theft. */
public record OffenceByChildUsedInCrime() {
}
