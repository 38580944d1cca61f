package org.tanuu.facts;

import java.util.List;
import java.util.Objects;

/** A finding reported beside the decision (CHILD, NON_PUNISHMENT, SMUGGLING, ...). */
public final class Flag {
    private final String code;

    public Flag(String code) {
        this.code = code;
    }

    public String getCode() { return code; }

    @Override public boolean equals(Object other) {
        return other instanceof Flag o && Objects.equals(code, o.code);
    }

    @Override public int hashCode() { return Objects.hash(code); }

    @Override public String toString() { return "Flag" + List.of(code); }
}
