package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** An element that the applicable law requires for identification. */
public final class Required {
    private final String element;

    public Required(String element) {
        this.element = element;
    }

    public String getElement() { return element; }

    @Override public boolean equals(Object other) {
        return other instanceof Required o && Objects.equals(element, o.element);
    }

    @Override public int hashCode() { return Objects.hash(element); }

    @Override public String toString() { return "Required" + List.of(element); }
}
