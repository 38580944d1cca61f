package org.tanuu.facts;

import java.time.LocalDate;

/** One answer of the interview, as the rules see it. {@code number} is set for int answers, {@code date} for dates. */
public record Answer(String question, String value, Integer number, LocalDate date) {
}
