package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** The age that counts for the legal test, in years, and the answer it was read from. */
public final class CountedAge {
    private final int years;
    private final String question;

    public CountedAge(int years, String question) {
        this.years = years;
        this.question = question;
    }

    public int getYears() { return years; }
    public String getQuestion() { return question; }

    @Override public boolean equals(Object other) {
        return other instanceof CountedAge o && Objects.equals(years, o.years) && Objects.equals(question, o.question);
    }

    @Override public int hashCode() { return Objects.hash(years, question); }

    @Override public String toString() { return "CountedAge" + List.of(years, question); }
}
