package org.tanuu.facts;

/** A legal test several jurisdictions share: an identified or presumed victim committed an offence as a result of the trafficking situation. */
public record OffenceCausedByTrafficking() {
}
