package org.tanuu.facts;

import java.time.LocalDate;

/** The day of the interview (case.interviewDate, else the day of the request): the age at the interview is on this day. */
public record InterviewDate(LocalDate date) {
}
