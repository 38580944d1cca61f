package org.tanuu.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A criminal-law qualification to examine: an article in one edition that could apply to the events, and the
 * elements that edition states as Palermo Art. 3(a) does (read from the element statuses; an element it states
 * otherwise is decided by a rule of its own). The rule that inserts it is its citation ({@code rule}, an @id). A rule writes
 * {@code insertLogical( Offence.of( drools, "Art. 124", "1997 Code, as UNICEF (2008) renders it", List.of("ACT", "MEANS", "PURPOSE") ) );}.
 */
public record Offence(String rule, String article, String edition, List<String> elements) {
    public static Offence of(RuleContext drools, String article, String edition, List<String> elements) {
        return new Offence(String.valueOf(drools.getRule().getMetaData().get("id")), article, edition, List.copyOf(elements));
    }
}
