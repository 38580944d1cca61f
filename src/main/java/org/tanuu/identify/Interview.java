package org.tanuu.identify;

import java.time.LocalDate;
import java.util.Map;
import org.tanuu.facts.Answer;

/**
 * A validated interview: the jurisdiction asked for, the caller's opaque reference, the answers by question
 * id, and the day of the events (case.eventsDate, else today) that selects the law in force.
 */
public record Interview(String jurisdiction, String reference, Map<String, Answer> answers, LocalDate eventsDate) {
    /** The question that dates the events. */
    public static final String EVENTS_DATE = "case.eventsDate";
}
