package org.tanuu.facts;

import java.util.List;

/** The closed vocabularies that answers, questions and rules share; each is defined here and nowhere else. */
public final class Vocabulary {
    /** Answers to a yes/no question. UNKNOWN and DECLINED are never read as NO. */
    public static final List<String> YES_NO = List.of("YES", "NO", "UNKNOWN", "DECLINED");
    /** Strengths of an indicator, strongest first. */
    public static final List<String> STRENGTHS = List.of("S", "M", "W");
    /** The elements of trafficking in persons (Palermo Protocol, Art. 3(a)), in the order the response lists them. */
    public static final List<String> ELEMENTS = List.of("ACT", "MEANS", "PURPOSE");
    /** What an offence may state: the three elements, and CHILD for an article that applies to a child victim. */
    public static final List<String> OFFENCE_ELEMENTS = List.of("ACT", "MEANS", "PURPOSE", "CHILD");
    /**
     * The layers of a rule book, as ruleflow groups in the order they run: who the person is (child status), the
     * layers above the answers (indicators, elements, decision), then the findings reported beside the decision.
     */
    public static final List<String> LAYERS = List.of("person", "indicators", "elements", "decision", "flags");

    private Vocabulary() {
    }
}
