package org.tanuu.identify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanuu.rulebook.RuleBook;

/**
 * The answer to POST /identify: the requested jurisdiction's decision in full, and a summary per jurisdiction
 * compared (the requested one and the Palermo baseline).
 */
@JsonPropertyOrder({"decision", "score", "jurisdiction", "reference", "child", "childBasis", "elements",
        "jurisdictions", "flags", "missing", "trace", "rulebook"})
public record IdentifyResponse(String decision, int score, String jurisdiction, String reference, boolean child,
                               String childBasis, Map<String, Evaluation.ElementView> elements,
                               Map<String, Summary> jurisdictions, List<String> flags,
                               List<Evaluation.MissingQuestion> missing, List<Evaluation.TraceEntry> trace,
                               RuleBookRef rulebook) {

    @JsonPropertyOrder({"decision", "score", "elements", "flags"})
    public record Summary(String decision, int score, Map<String, Evaluation.ElementView> elements, List<String> flags) {
    }

    public record RuleBookRef(String version) {
    }

    public static IdentifyResponse of(RuleBook book, Interview interview) {
        String requested = interview.jurisdiction();
        Evaluation main = Evaluator.evaluate(book, interview, requested);
        Map<String, Summary> jurisdictions = new LinkedHashMap<>();
        jurisdictions.put(requested, summary(main));
        if (!requested.equals(InterviewReader.DEFAULT_JURISDICTION)) {
            jurisdictions.put(InterviewReader.DEFAULT_JURISDICTION,
                    summary(Evaluator.evaluate(book, interview, InterviewReader.DEFAULT_JURISDICTION)));
        }
        return new IdentifyResponse(main.decision(), main.score(), requested, interview.reference(), main.child(),
                main.childBasis(), main.elements(), jurisdictions, main.flags(), main.missing(), main.trace(),
                new RuleBookRef(book.version()));
    }

    /** The ids of the rules that fired, in firing order (not part of the JSON: the trace holds them). */
    public List<String> firedRuleIds() {
        return trace.stream().map(Evaluation.TraceEntry::id).toList();
    }

    private static Summary summary(Evaluation e) {
        return new Summary(e.decision(), e.score(), e.elements(), e.flags());
    }
}
