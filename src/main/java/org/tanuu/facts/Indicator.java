package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** A YES answer read as evidence for an element, with the strength that applies to this person. */
public final class Indicator {
    private final String question;
    private final String element;
    private final String dimension;
    private final String strength;

    public Indicator(String question, String element, String dimension, String strength) {
        this.question = question;
        this.element = element;
        this.dimension = dimension;
        this.strength = strength;
    }

    public String getQuestion() { return question; }
    public String getElement() { return element; }
    public String getDimension() { return dimension; }
    public String getStrength() { return strength; }

    @Override public boolean equals(Object other) {
        return other instanceof Indicator o && Objects.equals(question, o.question) && Objects.equals(element, o.element) && Objects.equals(dimension, o.dimension) && Objects.equals(strength, o.strength);
    }

    @Override public int hashCode() { return Objects.hash(question, element, dimension, strength); }

    @Override public String toString() { return "Indicator" + List.of(question, element, dimension, strength); }
}
