package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** The person counts as a child (under 18 at the time of the events); basis: AGE, AGE_AT_EVENTS or PRESUMED_MINOR. */
public final class Child {
    private final String basis;

    public Child(String basis) {
        this.basis = basis;
    }

    public String getBasis() { return basis; }

    @Override public boolean equals(Object other) {
        return other instanceof Child o && Objects.equals(basis, o.basis);
    }

    @Override public int hashCode() { return Objects.hash(basis); }

    @Override public String toString() { return "Child" + List.of(basis); }
}
