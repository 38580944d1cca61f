package org.tanuu.rulebook;

import java.util.List;
import java.util.Map;

/**
 * How the rule book's results are said to people and to other systems: its texts in the screeners' languages
 * (rules/i18n/) and the HTCDS export mapping (rules/htcds.yaml, null when absent). Read beside the rule book, so a
 * key naming no question or rule rejects it like any other problem.
 */
public record Publication(Translations translations, HtcdsMapping htcds) {

    static Publication read(Map<String, String> files, Questionnaire questionnaire, List<RuleInfo> rules, List<RuleProblem> problems) {
        return new Publication(Translations.read(files, questionnaire, rules, problems), HtcdsMapping.read(files, questionnaire, problems));
    }
}
