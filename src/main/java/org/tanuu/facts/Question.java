package org.tanuu.facts;

import java.util.List;

/**
 * A questionnaire item, loaded from rules/questionnaire.yaml. An ACT, MEANS or PURPOSE question has a
 * {@code basis}: {@code law} (the answer states the element in the words {@code cites} quotes) or
 * {@code indicator} (ILO/EC evidence of the given {@code strength}, in each of its {@code dimensions}). {@code childStrength} equals
 * {@code strength} where the catalogue gives no child override, so rules never have to fall back themselves.
 * {@code min} and {@code max} bound an int answer where the catalogue sets them. {@code jurisdictions}, when not
 * empty, are the only rule books that read the question as evidence of its element; elsewhere it is context.
 */
public record Question(String id, String kind, List<String> values, String element, String basis, String cites,
                       List<String> dimensions, String strength, String childStrength, String text, Integer min, Integer max,
                       List<String> jurisdictions) {
    public static final String LAW = "law";
    public static final String INDICATOR = "indicator";

    public String strengthFor(boolean child) {
        return child ? childStrength : strength;
    }

    /** This question as {@code jurisdiction} reads it: itself, or context where it is scoped to other jurisdictions. */
    public Question under(String jurisdiction) {
        return jurisdictions.isEmpty() || jurisdictions.contains(jurisdiction) ? this
                : new Question(id, kind, values, "CONTEXT", null, null, List.of(), null, null, text, min, max, jurisdictions);
    }
}
