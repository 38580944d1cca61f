package org.tanuu.identify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tanuu.rulebook.RuleBook;

/** The domain entry point: an interview through the requested jurisdiction's rule book and the baseline's. */
public final class Identifier {
    private Identifier() {
    }

    public static Identification identify(RuleBook book, Interview interview) {
        String requested = interview.jurisdiction();
        Evaluation main = Evaluator.evaluate(book, interview, requested);
        Map<String, Identification.Summary> jurisdictions = new LinkedHashMap<>();
        jurisdictions.put(requested, Identification.Summary.of(main));
        if (!requested.equals(book.baseline())) { // every decision is shown beside the baseline's (jurisdictions.yaml)
            jurisdictions.put(book.baseline(), Identification.Summary.of(Evaluator.evaluate(book, interview, book.baseline())));
        }
        return new Identification(main.decision(), main.score(), requested, interview.reference(), main.child(),
                main.childBasis(), main.elements(), jurisdictions, main.offence(), main.flags(), main.findings(), main.missing(), main.trace(),
                new Identification.RuleBookRef(book.version(), book.versionInFull().change()), null, null);
    }
}
