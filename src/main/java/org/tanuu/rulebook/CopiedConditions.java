package org.tanuu.rulebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a condition of two or more patterns written out in two rules: a shared legal test copied instead of stated
 * once in common/ as a fact (common/shared-tests.drl), where copies drift apart. A warning, not a rejection.
 */
final class CopiedConditions {
    private CopiedConditions() {
    }

    static List<RuleProblem> in(List<RuleInfo> rules) {
        List<RuleProblem> warnings = new ArrayList<>();
        Map<String, RuleInfo> first = new LinkedHashMap<>();
        for (RuleInfo rule : rules) {
            List<String> conditions = conditions(rule.drl());
            if (conditions.size() < 2) {
                continue;
            }
            RuleInfo earlier = first.putIfAbsent(String.join("\n", conditions), rule);
            if (earlier != null) {
                warnings.add(new RuleProblem(rule.file(), rule.line(), 0, "warning: the condition of rule " + rule.id()
                        + " is written out again from rule " + earlier.id() + " (" + earlier.file() + ":" + earlier.line()
                        + "): state the test once in common/ as a fact, and let each rule read it"));
            }
        }
        return List.copyOf(warnings);
    }

    /** The lines between {@code when} and {@code then}, without comments or spaces (spacing is no difference). */
    private static List<String> conditions(String drl) {
        List<String> conditions = new ArrayList<>();
        boolean inWhen = false;
        for (String line : drl.split("\n")) {
            int comment = line.indexOf("//");
            String text = (comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s+", "");
            if (text.equals("when")) {
                inWhen = true;
            } else if (text.equals("then")) {
                break;
            } else if (inWhen && !text.isEmpty()) {
                conditions.add(text);
            }
        }
        return conditions;
    }
}
