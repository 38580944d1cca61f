package org.tanuu.facts;

import java.time.LocalDate;

/** A legal parameter from rules/parameters.yaml: a number (an age, a count) or a date (an edition's first day). */
public record Parameter(String name, Integer number, LocalDate date) {
}
