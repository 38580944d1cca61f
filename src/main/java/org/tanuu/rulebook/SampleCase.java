package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A worked case from rules/cases/: an interview and what the rule book must conclude about it. Together they
 * are the rule book's regression suite and the trainers' material. {@code id} is the file name without .yaml;
 * {@code changed} says why an expectation was corrected, one line per correction.
 */
public record SampleCase(String id, String file, String name, String summary, String source, String jurisdiction,
                         JsonNode answers, Expectation expect, List<String> changed,
                         @JsonIgnore Map<String, Integer> lines) {

    /**
     * The line of the file a replay difference is about: {@code "flags: expected ..."} is at {@code flags:} under
     * {@code expect}, an invalid answer at {@code answers}, anything else at {@code expect}.
     */
    public int lineOf(String difference) {
        String key = difference.startsWith("invalid interview") ? "answers" : difference.split("[:.]", 2)[0];
        return lines.getOrDefault(key, lines.getOrDefault("expect", 1));
    }

    /**
     * What must come out: the decision (always), and where given per-jurisdiction decisions, the exact flags, the
     * exact findings (rule ids), each offence's status (by the rule id that raises it, the exact set), element
     * statuses, the rules that must fire and the rules that must not.
     */
    public record Expectation(String decision, Map<String, String> jurisdictions, List<String> flags, List<String> findings,
                              Map<String, String> offence, Map<String, String> elements, List<String> fired,
                              List<String> notFired) {
    }

    /** A case file as written. */
    private record CaseFile(@JsonProperty(required = true) String name, String summary, String source,
                            @JsonProperty(required = true) String jurisdiction, @JsonProperty(required = true) JsonNode answers,
                            @JsonProperty(required = true) ExpectFile expect, List<String> changed) {
    }

    /** The expectation as written; the decision is checked apart, with the reason it is needed. */
    private record ExpectFile(String decision, Map<String, String> jurisdictions, List<String> flags, List<String> findings,
                              Map<String, String> offence, Map<String, String> elements, List<String> fired,
                              List<String> notFired) {
    }

    /**
     * Reads one case file; null (and a problem) when it is not a sound case. Its answers are checked on replay,
     * its source against the bibliography.
     */
    static SampleCase read(String file, String text, Set<String> jurisdictions, Bibliography bibliography, List<RuleProblem> problems) {
        YamlFile yaml = YamlFile.parse(file, text, problems);
        if (yaml.map("a map with name, summary, source, jurisdiction, answers and expect") == null) {
            return null;
        }
        JsonPointer root = JsonPointer.empty();
        CaseFile c = yaml.read(root, CaseFile.class, "");
        if (c == null) {
            return null;
        }
        if (!jurisdictions.contains(c.jurisdiction())) {
            yaml.problem(root.appendProperty("jurisdiction"), "unknown jurisdiction " + c.jurisdiction() + "; expected one of " + jurisdictions);
            return null;
        }
        if (!c.answers().isObject()) {
            yaml.problem(root.appendProperty("answers"), "answers must be a map of question id to answer, not " + YamlFile.kind(c.answers()));
            return null;
        }
        if (c.answers().has("case.eventsDate") && c.answers().has("person.age") && !c.answers().has("case.interviewDate")) {
            yaml.problem(root.appendProperty("answers"), "a case with case.eventsDate and person.age gives case.interviewDate:"
                    + " the age at the events is worked out from the two dates, and the result must not move with the calendar");
            return null;
        }
        ExpectFile expect = c.expect();
        if (expect.decision() == null || expect.decision().isBlank()) {
            yaml.problem(root.appendProperty("expect"), "expect needs a decision: a case that expects nothing passes whatever happens");
            return null;
        }
        String cited = c.source() == null || c.source().startsWith(RuleBookCompiler.CONSTRUCTED) ? null : bibliography.problem(c.source());
        if (cited != null) {
            yaml.problem(root.appendProperty("source"), "source " + cited + " (or \"" + RuleBookCompiler.CONSTRUCTED + " why\" for a made-up case)");
        }
        String id = file.substring(file.lastIndexOf('/') + 1, file.length() - ".yaml".length());
        return new SampleCase(id, file, c.name(), c.summary() == null ? "" : c.summary().strip(), c.source(), c.jurisdiction(),
                c.answers(), new Expectation(expect.decision(), orEmpty(expect.jurisdictions()),
                        copy(expect.flags()), copy(expect.findings()), copy(expect.offence()), orEmpty(expect.elements()),
                        orEmpty(expect.fired()), orEmpty(expect.notFired())), orEmpty(c.changed()), lines(yaml, c));
    }

    /** Where answers, expect and each key of expect are written. */
    private static Map<String, Integer> lines(YamlFile yaml, CaseFile c) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        JsonPointer expect = JsonPointer.empty().appendProperty("expect");
        lines.put("answers", yaml.line(JsonPointer.empty().appendProperty("answers")));
        lines.put("expect", yaml.line(expect));
        yaml.root().path("expect").fieldNames().forEachRemaining(key -> lines.put(key, yaml.line(expect.appendProperty(key))));
        return Map.copyOf(lines);
    }

    /** An expectation left out is null: the case does not check it. */
    private static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : copy(map);
    }
}
