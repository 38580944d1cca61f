package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** One of the elements of the offence the rule book examines (ACT, MEANS, PURPOSE). */
public final class Element {
    private final String name;

    public Element(String name) {
        this.name = name;
    }

    public String getName() { return name; }

    @Override public boolean equals(Object other) {
        return other instanceof Element o && Objects.equals(name, o.name);
    }

    @Override public int hashCode() { return Objects.hash(name); }

    @Override public String toString() { return "Element" + List.of(name); }
}
