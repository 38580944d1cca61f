package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanuu.facts.Question;
import org.tanuu.facts.Vocabulary;

/**
 * How a decision is said in IOM's Human Trafficking Case Data Standard (rules/htcds.yaml): the HTCDS field names and
 * picklist values for the decision and for answers. Data, not code: a reviewer changes the mapping without Java. This
 * reader checks that every question and answer value it names exists; the field and value names are checked against
 * HTCDS 2.0 by the test suite (HtcdsMappingTest).
 */
public record HtcdsMapping(String standard, String statusField, Map<String, String> status, Map<String, String> numbers,
                           String organisationField, List<String> organisationTypes, String consentField,
                           Map<String, Map<String, Map<String, String>>> choices,
                           Map<String, Map<String, Map<String, String>>> picklists) {
    static final String FILE = "htcds.yaml";
    private static final Pattern DECISION = Pattern.compile("new Decision\\(\\s*\"([A-Z_]+)\"");

    /** The file as written. */
    private record File(@JsonProperty(required = true) String standard, @JsonProperty(required = true) String statusField,
                        @JsonProperty(required = true) Map<String, String> status, Map<String, String> numbers,
                        String organisationField, List<String> organisationTypes, String consentField,
                        Map<String, Map<String, Map<String, String>>> choices,
                        Map<String, Map<String, Map<String, String>>> picklists) {
    }

    /** The mapping, or null when the rule book has no htcds.yaml (the export is then refused) or it has problems. */
    static HtcdsMapping read(Map<String, String> files, Questionnaire questionnaire, List<RuleProblem> problems) {
        String text = files.get(FILE);
        if (text == null) {
            return null;
        }
        YamlFile yaml = YamlFile.parse(FILE, text, problems);
        if (yaml.map("a map: standard, statusField, status, numbers, organisationField, organisationTypes, consentField, choices, picklists") == null) {
            return null;
        }
        File file = yaml.read(JsonPointer.empty(), File.class, "");
        if (file == null) {
            return null;
        }
        int before = problems.size();
        if (before > 0) {
            return null; // the questionnaire or the rules may be partial: what the mapping names is checked on a sound book
        }
        Set<String> decisions = new TreeSet<>();
        files.forEach((name, drl) -> {
            if (name.endsWith(".drl")) {
                Matcher m = DECISION.matcher(drl);
                while (m.find()) {
                    decisions.add(m.group(1));
                }
            }
        });
        file.status().keySet().stream().filter(d -> !decisions.contains(d)).forEach(d ->
                yaml.problem(JsonPointer.compile("/status").appendProperty(d), "status: no rule decides " + d + "; the decisions are " + decisions));
        Map<String, String> numbers = file.numbers() == null ? Map.of() : file.numbers();
        numbers.forEach((field, question) -> {
            Question q = questionnaire.get(question);
            if (q == null || !q.kind().equals("int")) {
                yaml.problem(JsonPointer.compile("/numbers").appendProperty(field), "numbers: " + field + " needs a whole-number question; "
                        + (q == null ? "no question " + question + " in " + RuleBookCompiler.QUESTIONNAIRE : question + " is " + q.kind()));
            }
        });
        Map<String, Map<String, Map<String, String>>> choices = file.choices() == null ? Map.of() : file.choices();
        Map<String, Map<String, Map<String, String>>> picklists = file.picklists() == null ? Map.of() : file.picklists();
        checkAnswers(yaml, "choices", choices, questionnaire);
        checkAnswers(yaml, "picklists", picklists, questionnaire);
        if (problems.size() > before) {
            return null;
        }
        return new HtcdsMapping(file.standard(), file.statusField(), Map.copyOf(file.status()), new LinkedHashMap<>(numbers),
                file.organisationField(), file.organisationTypes() == null ? List.of() : List.copyOf(file.organisationTypes()),
                file.consentField(), new LinkedHashMap<>(choices), new LinkedHashMap<>(picklists));
    }

    /** Every question a field maps exists, and every answer it maps is one the question takes. */
    private static void checkAnswers(YamlFile yaml, String section, Map<String, Map<String, Map<String, String>>> fields, Questionnaire questionnaire) {
        fields.forEach((field, questions) -> questions.forEach((question, values) -> {
            JsonPointer at = JsonPointer.compile("/" + section).appendProperty(field).appendProperty(question);
            Question q = questionnaire.get(question);
            if (q == null) {
                yaml.problem(at, section + ": no question " + question + " in " + RuleBookCompiler.QUESTIONNAIRE);
                return;
            }
            List<String> answers = q.kind().equals("yesno") ? Vocabulary.YES_NO : q.values();
            values.keySet().stream().filter(v -> !answers.contains(v)).forEach(v ->
                    yaml.problem(at.appendProperty(v), section + ": " + question + " has no answer " + v + "; it has " + answers));
        }));
    }
}
