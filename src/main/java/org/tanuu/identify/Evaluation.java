package org.tanuu.identify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** What one jurisdiction's rule book concluded about one interview. */
public record Evaluation(String decision, int score, boolean child, String childBasis,
                         Map<String, ElementView> elements, List<String> flags, List<MissingQuestion> missing,
                         List<FindingView> findings, List<OffenceView> offence, List<TraceEntry> trace) {

    /** An element (ACT, MEANS, PURPOSE) as the response shows it. */
    @JsonPropertyOrder({"status", "required", "score", "evidence"})
    public record ElementView(String status, boolean required, int score, List<String> evidence) {
    }

    /**
     * An unanswered question that could still change the decision: of an element ({@code basis} law or indicator,
     * with its strength), or an age question under CHILD, whose answer could bring in the child exception.
     */
    @JsonPropertyOrder({"question", "element", "basis", "strength"})
    public record MissingQuestion(String question, String element, String basis, String strength) {
    }

    /**
     * A criminal-law qualification: an article in an edition that could apply to the events, whether the answers make
     * it out (MET, NOT_MET or UNKNOWN), and each element it states with the rules that decided it.
     */
    @JsonPropertyOrder({"article", "edition", "status", "elements", "rule", "citation"})
    public record OffenceView(String article, String edition, String status, Map<String, OffenceElementView> elements,
                              String rule, String citation) {
    }

    /** One element of an offence as its edition states it, and the rules that decided it. */
    public record OffenceElementView(String status, List<String> rules) {
    }

    /** A legal observation beside the decision: the rule that makes it. */
    @JsonPropertyOrder({"id", "title", "citation"})
    public record FindingView(String id, String title, String citation) {
    }

    /** A rule that fired, with its metadata and the answers it read. */
    @JsonPropertyOrder({"id", "title", "citation", "source", "file", "line", "facts"})
    public record TraceEntry(String id, String title, String citation, String source, String file, int line,
                             List<String> facts) {
    }
}
