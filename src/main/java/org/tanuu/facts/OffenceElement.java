package org.tanuu.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One element of an {@link Offence} (by the offence's rule id) as that edition states it: MET, NOT_MET or UNKNOWN,
 * and the rule that decided it.
 */
public record OffenceElement(String offence, String element, String status, String rule) {
    public static OffenceElement of(RuleContext drools, Offence offence, String element, String status) {
        return new OffenceElement(offence.rule(), element, status, String.valueOf(drools.getRule().getMetaData().get("id")));
    }
}
