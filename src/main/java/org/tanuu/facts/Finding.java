package org.tanuu.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A legal observation reported beside the decision: the rule that makes it is the finding, so the response shows
 * that rule's id, title and citation. A rule writes {@code insertLogical( Finding.of( drools ) );}.
 */
public record Finding(String rule) {
    public static Finding of(RuleContext drools) {
        return new Finding(String.valueOf(drools.getRule().getMetaData().get("id")));
    }
}
