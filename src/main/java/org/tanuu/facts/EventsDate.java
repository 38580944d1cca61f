package org.tanuu.facts;

import java.time.LocalDate;

/** The day the events took place (case.eventsDate), or null when the interview does not date them; rules pick the editions that could apply. */
public record EventsDate(LocalDate date) {
}
