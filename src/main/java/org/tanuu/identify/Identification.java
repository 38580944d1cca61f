package org.tanuu.identify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What POST /identify answers: the requested jurisdiction's decision in full, and a summary per jurisdiction
 * compared (the requested one and the Palermo baseline).
 */
@JsonPropertyOrder({"decision", "score", "jurisdiction", "reference", "child", "childBasis", "elements",
        "jurisdictions", "offence", "flags", "findings", "missing", "trace", "rulebook", "language", "texts"})
public record Identification(String decision, int score, String jurisdiction, String reference, boolean child,
                             String childBasis, Map<String, Evaluation.ElementView> elements,
                             Map<String, Summary> jurisdictions, List<Evaluation.OffenceView> offence, List<String> flags,
                             List<Evaluation.FindingView> findings, List<Evaluation.MissingQuestion> missing,
                             List<Evaluation.TraceEntry> trace, RuleBookRef rulebook,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Language language,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> texts) {

    @JsonPropertyOrder({"decision", "score", "elements", "flags", "findings"})
    public record Summary(String decision, int score, Map<String, Evaluation.ElementView> elements, List<String> flags,
                          List<Evaluation.FindingView> findings) {
        static Summary of(Evaluation e) {
            return new Summary(e.decision(), e.score(), e.elements(), e.flags(), e.findings());
        }
    }

    /** The rule book that decided: its content hash, and the newest entry of its legal change log. */
    public record RuleBookRef(String version, String change) {
    }

    /**
     * The language asked for (?lang= or Accept-Language); {@code draft} while no qualified translator has reviewed its
     * legal wording. Only in a response that asked for a language, with {@code texts}: every label, question and flag
     * text the response refers to, by key (labels.decision.IDENTIFIED, questions.act.recruited, flags.CHILD.next, ...).
     */
    public record Language(String code, String name, boolean draft) {
    }

    /** The ids of the rules that fired, in firing order (not part of the JSON: the trace holds them). */
    public List<String> firedRuleIds() {
        return trace.stream().map(Evaluation.TraceEntry::id).toList();
    }
}
