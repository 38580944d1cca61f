package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** Unanswered questions of an element that could still change the decision. */
public final class Missing {
    private final String element;
    private final List<String> questions;

    public Missing(String element, List<String> questions) {
        this.element = element;
        this.questions = questions;
    }

    public String getElement() { return element; }
    public List<String> getQuestions() { return questions; }

    @Override public boolean equals(Object other) {
        return other instanceof Missing o && Objects.equals(element, o.element) && Objects.equals(questions, o.questions);
    }

    @Override public int hashCode() { return Objects.hash(element, questions); }

    @Override public String toString() { return "Missing" + List.of(element, questions); }
}
