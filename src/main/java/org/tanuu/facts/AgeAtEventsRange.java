package org.tanuu.facts;

/**
 * The age at the events worked out from the age at the interview and the two dates (case.eventsDate,
 * case.interviewDate): {@code youngest} if the birthday is the latest the age allows, {@code oldest} if the earliest.
 */
public record AgeAtEventsRange(int youngest, int oldest) {
}
