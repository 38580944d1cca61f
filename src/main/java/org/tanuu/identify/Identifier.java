package org.tanuu.identify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tanuu.rulebook.RuleBook;

/** The domain entry point: an interview through the requested jurisdiction's rule book and the Palermo baseline. */
public final class Identifier {
    /** The international baseline every national decision is shown beside. */
    public static final String BASELINE = "PALERMO";

    private Identifier() {
    }

    public static Identification identify(RuleBook book, Interview interview) {
        String requested = interview.jurisdiction();
        Evaluation main = Evaluator.evaluate(book, interview, requested);
        Map<String, Identification.Summary> jurisdictions = new LinkedHashMap<>();
        jurisdictions.put(requested, Identification.Summary.of(main));
        if (!requested.equals(BASELINE)) {
            jurisdictions.put(BASELINE, Identification.Summary.of(Evaluator.evaluate(book, interview, BASELINE)));
        }
        return new Identification(main.decision(), main.score(), requested, interview.reference(), main.child(),
                main.childBasis(), main.elements(), jurisdictions, main.offence(), main.flags(), main.findings(), main.missing(), main.trace(),
                new Identification.RuleBookRef(book.version()), null, null);
    }
}
