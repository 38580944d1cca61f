package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanuu.facts.Question;

/** The interview vocabulary (rules/questionnaire.yaml): every question id, its kind and its evidence weight. */
public final class Questionnaire {
    static final List<String> KINDS = List.of("yesno", "int", "enum", "date");
    static final List<String> STRENGTHS = List.of("S", "M", "W");

    private final Map<String, Question> questions;

    private Questionnaire(Map<String, Question> questions) {
        this.questions = Collections.unmodifiableMap(questions);
    }

    public Question get(String id) {
        return questions.get(id);
    }

    public Iterable<Question> all() {
        return questions.values();
    }

    /** Reads the catalogue: top-level sections, each a list of items. Problems are added to {@code problems}. */
    static Questionnaire read(JsonNode root, String file, List<RuleProblem> problems) {
        Map<String, Question> questions = new LinkedHashMap<>();
        if (root == null || !root.isObject()) {
            problems.add(new RuleProblem(file, 1, 0, "the questionnaire must be a map of sections, each a list of questions"));
            return new Questionnaire(questions);
        }
        root.fields().forEachRemaining(section -> {
            for (JsonNode item : section.getValue()) {
                String id = item.path("id").asText(null);
                String where = "section '" + section.getKey() + "'" + (id == null ? "" : ", question '" + id + "'");
                String kind = item.path("kind").asText("yesno");
                String element = item.path("element").asText(section.getKey().equals("context") || section.getKey().equals("person")
                        ? "CONTEXT" : section.getKey().toUpperCase());
                String strength = item.path("strength").asText(null);
                String childStrength = item.path("child").asText(strength);
                List<String> values = new ArrayList<>();
                item.path("values").forEach(v -> values.add(v.asText()));
                if (id == null) {
                    problems.add(new RuleProblem(file, 0, 0, where + ": a question needs an id"));
                } else if (questions.containsKey(id)) {
                    problems.add(new RuleProblem(file, 0, 0, where + ": duplicate question id"));
                } else if (!KINDS.contains(kind)) {
                    problems.add(new RuleProblem(file, 0, 0, where + ": kind must be one of " + KINDS));
                } else if (kind.equals("enum") && values.isEmpty()) {
                    problems.add(new RuleProblem(file, 0, 0, where + ": an enum question needs values"));
                } else if (!element.equals("CONTEXT") && (!STRENGTHS.contains(strength) || !STRENGTHS.contains(childStrength))) {
                    problems.add(new RuleProblem(file, 0, 0, where + ": evidence of " + element + " needs strength (and child) S, M or W"));
                } else {
                    questions.put(id, new Question(id, kind, List.copyOf(values), element,
                            item.path("dimension").asText(null), strength, childStrength, item.path("text").asText(""),
                            item.hasNonNull("min") ? item.get("min").asInt() : null,
                            item.hasNonNull("max") ? item.get("max").asInt() : null));
                }
            }
        });
        return new Questionnaire(questions);
    }
}
