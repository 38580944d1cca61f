package org.tanuu.identify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanuu.facts.Answer;
import org.tanuu.rulebook.HtcdsMapping;
import org.tanuu.rulebook.RuleBook;

/**
 * An identification in HTCDS 2.0 field names and picklist values, as rules/htcds.yaml maps it. The decision comes
 * from the rules; this only renames it and the answers. Fields with nothing to say are left out.
 */
public final class HtcdsExport {
    private HtcdsExport() {
    }

    /**
     * {@code organisationType} (an HTCDS organisation type, or null) and {@code dataConsent} (or null) are the
     * caller's: the interview says neither.
     */
    public static Map<String, Object> of(RuleBook book, Interview interview, Identification id, String organisationType, Boolean dataConsent) {
        HtcdsMapping m = book.htcds();
        if (m == null) {
            throw InvalidRequestException.of("format", "this rule book has no HTCDS mapping (rules/htcds.yaml)");
        }
        if (organisationType != null && !m.organisationTypes().contains(organisationType)) {
            throw InvalidRequestException.of("organisationType", "expected one of " + m.organisationTypes());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("standard", m.standard());
        out.put("reference", id.reference());
        String status = m.status().get(id.decision());
        if (status != null) {
            out.put(m.statusField(), status);
        }
        if (organisationType != null && m.organisationField() != null) {
            out.put(m.organisationField(), organisationType);
        }
        if (dataConsent != null && m.consentField() != null) {
            out.put(m.consentField(), dataConsent);
        }
        m.numbers().forEach((field, question) -> {
            Answer a = interview.answers().get(question);
            if (a != null && a.number() != null) {
                out.put(field, a.number());
            }
        });
        m.choices().forEach((field, questions) -> questions.forEach((question, values) -> {
            Answer a = interview.answers().get(question);
            if (a != null && values.containsKey(a.value()) && !out.containsKey(field)) {
                out.put(field, values.get(a.value()));
            }
        }));
        m.picklists().forEach((field, questions) -> {
            List<String> chosen = new ArrayList<>();
            questions.forEach((question, values) -> {
                Answer a = interview.answers().get(question);
                String value = a == null ? null : values.get(a.value());
                if (value != null && !chosen.contains(value)) {
                    chosen.add(value);
                }
            });
            if (!chosen.isEmpty()) {
                out.put(field, chosen);
            }
        });
        out.put("rulebook", id.rulebook().version());
        return out;
    }
}
