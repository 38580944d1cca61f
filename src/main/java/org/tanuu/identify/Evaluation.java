package org.tanuu.identify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** What one jurisdiction's rule book concluded about one interview. */
public record Evaluation(String decision, int score, boolean child, String childBasis,
                         Map<String, ElementView> elements, List<String> flags, List<MissingQuestion> missing,
                         List<TraceEntry> trace) {

    /** An element (ACT, MEANS, PURPOSE) as the response shows it. */
    @JsonPropertyOrder({"status", "required", "score", "evidence"})
    public record ElementView(String status, boolean required, int score, List<String> evidence) {
    }

    /** An unanswered question that could still change the decision. */
    public record MissingQuestion(String question, String element, String strength) {
    }

    /** A rule that fired, with its metadata and the answers it read. */
    @JsonPropertyOrder({"id", "title", "citation", "source", "file", "line", "facts"})
    public record TraceEntry(String id, String title, String citation, String source, String file, int line,
                             List<String> facts) {
    }
}
