package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** Where an element stands: ESTABLISHED, INDICATED, NOT_FOUND or UNKNOWN, with a 0-100 score and its evidence. */
public final class ElementStatus {
    private final String element;
    private final String status;
    private final int score;
    private final List<String> evidence;

    public ElementStatus(String element, String status, int score, List<String> evidence) {
        this.element = element;
        this.status = status;
        this.score = score;
        this.evidence = evidence;
    }

    public String getElement() { return element; }
    public String getStatus() { return status; }
    public int getScore() { return score; }
    public List<String> getEvidence() { return evidence; }

    @Override public boolean equals(Object other) {
        return other instanceof ElementStatus o && Objects.equals(element, o.element) && Objects.equals(status, o.status) && Objects.equals(score, o.score) && Objects.equals(evidence, o.evidence);
    }

    @Override public int hashCode() { return Objects.hash(element, status, score, evidence); }

    @Override public String toString() { return "ElementStatus" + List.of(element, status, score, evidence); }
}
