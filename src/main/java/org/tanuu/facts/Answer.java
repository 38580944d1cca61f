package org.tanuu.facts;

import java.time.LocalDate;

/** One answer of the interview, as the rules see it. {@code number} is set for int answers, {@code date} for dates. */
public final class Answer {
    private final String question;
    private final String value;
    private final Integer number;
    private final LocalDate date;

    public Answer(String question, String value, Integer number, LocalDate date) {
        this.question = question;
        this.value = value;
        this.number = number;
        this.date = date;
    }

    public String getQuestion() { return question; }
    public String getValue() { return value; }
    public Integer getNumber() { return number; }
    public LocalDate getDate() { return date; }
}
