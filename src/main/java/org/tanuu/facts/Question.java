package org.tanuu.facts;

import java.util.List;

/**
 * A questionnaire item, loaded from rules/questionnaire.yaml. {@code childStrength} equals {@code strength}
 * where the catalogue gives no child override, so rules never have to fall back themselves.
 */
public final class Question {
    private final String id;
    private final String kind;
    private final List<String> values;
    private final String element;
    private final String dimension;
    private final String strength;
    private final String childStrength;
    private final String text;
    private final Integer min;
    private final Integer max;

    public Question(String id, String kind, List<String> values, String element, String dimension,
                    String strength, String childStrength, String text, Integer min, Integer max) {
        this.id = id;
        this.kind = kind;
        this.values = values;
        this.element = element;
        this.dimension = dimension;
        this.strength = strength;
        this.childStrength = childStrength;
        this.text = text;
        this.min = min;
        this.max = max;
    }

    public String getId() { return id; }
    public String getKind() { return kind; }
    public List<String> getValues() { return values; }
    public String getElement() { return element; }
    public String getDimension() { return dimension; }
    public String getStrength() { return strength; }
    public String getChildStrength() { return childStrength; }
    public String getText() { return text; }
    /** Bounds of an int answer, where the catalogue sets them. */
    public Integer getMin() { return min; }
    public Integer getMax() { return max; }

    public String strengthFor(boolean child) { return child ? childStrength : strength; }
}
