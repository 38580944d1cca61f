package org.tanuu.facts;

/** Whether an {@link Offence} (by its rule id) is made out on the answers: MET, NOT_MET or UNKNOWN. */
public record OffenceStatus(String offence, String status) {
}
