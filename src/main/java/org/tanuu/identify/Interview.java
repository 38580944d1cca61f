package org.tanuu.identify;

import java.time.LocalDate;
import java.util.Map;
import org.tanuu.facts.Answer;

/**
 * A validated interview: the jurisdiction asked for, the caller's opaque reference, the answers by question
 * id, the day of the events (case.eventsDate, else today) that selects the law in force, and the day of the
 * interview (case.interviewDate, else the day of the request) from which the age at the events is worked out.
 */
public record Interview(String jurisdiction, String reference, Map<String, Answer> answers, LocalDate eventsDate,
                        LocalDate interviewDate) {
    /** The question that dates the events. */
    public static final String EVENTS_DATE = "case.eventsDate";
    /** The question that dates the interview. */
    public static final String INTERVIEW_DATE = "case.interviewDate";
    /** The age at the interview, and at the events. */
    public static final String AGE = "person.age";
    public static final String AGE_AT_EVENTS = "person.ageAtEvents";
}
