package org.tanuu.rulebook;

import java.util.List;

/** A rule book of one legal order, as declared in rules/jurisdictions.yaml. */
public record Jurisdiction(String code, String name, List<String> folders, List<Instrument> instruments) {

    /** A legal instrument the rule book implements, in a named edition. */
    public record Instrument(String name, String edition) {
    }
}
