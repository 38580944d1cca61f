package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanuu.facts.ElementQuestions;
import org.tanuu.facts.Question;
import org.tanuu.facts.Vocabulary;

/** The interview vocabulary (rules/questionnaire.yaml): every question id, its kind and its evidence weight. */
public final class Questionnaire {
    static final List<String> KINDS = List.of("yesno", "int", "enum", "date");
    /** The element of a question that is not evidence of act, means or purpose (age, dates, offences, ...). */
    static final String CONTEXT = "CONTEXT";

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

    /** Every question of each element, for the rules that need the unanswered ones too (not found, missing). */
    public List<ElementQuestions> byElement() {
        return Vocabulary.ELEMENTS.stream().map(element -> new ElementQuestions(element, questions.values().stream()
                .filter(q -> q.element().equals(element)).map(Question::id).toList())).toList();
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
                Question question = question(section.getKey(), item);
                String problem = questions.containsKey(id) ? "duplicate question id" : problem(question);
                if (problem != null) {
                    problems.add(new RuleProblem(file, 0, 0, where + ": " + problem));
                } else {
                    questions.put(id, question);
                }
            }
        });
        return new Questionnaire(questions);
    }

    /** An item as written; sections person and context hold CONTEXT questions, the others evidence of their element. */
    private static Question question(String section, JsonNode item) {
        String element = item.path("element").asText(section.equals("context") || section.equals("person")
                ? CONTEXT : section.toUpperCase());
        String strength = item.path("strength").asText(null);
        List<String> values = new ArrayList<>();
        item.path("values").forEach(v -> values.add(v.asText()));
        return new Question(item.path("id").asText(null), item.path("kind").asText("yesno"), List.copyOf(values), element,
                item.path("basis").asText(null), item.path("cites").asText(null), item.path("dimension").asText(null), strength, item.path("child").asText(strength), item.path("text").asText(""),
                item.hasNonNull("min") ? item.get("min").asInt() : null,
                item.hasNonNull("max") ? item.get("max").asInt() : null);
    }

    /** What is wrong with a question, or null. */
    private static String problem(Question q) {
        if (q.id() == null) {
            return "a question needs an id";
        }
        if (!KINDS.contains(q.kind())) {
            return "kind must be one of " + KINDS;
        }
        if (q.kind().equals("enum") && q.values().isEmpty()) {
            return "an enum question needs values";
        }
        if (!q.element().equals(CONTEXT) && !Vocabulary.ELEMENTS.contains(q.element())) {
            return "element must be one of " + Vocabulary.ELEMENTS + " or " + CONTEXT;
        }
        if (q.element().equals(CONTEXT)) {
            return null;
        }
        if (Question.LAW.equals(q.basis())) {
            return q.cites() == null ? "a law question needs cites: the instrument's words it stands for" : null;
        }
        if (!Question.INDICATOR.equals(q.basis())) {
            return "evidence of " + q.element() + " needs basis: law or basis: indicator";
        }
        if (!Vocabulary.STRENGTHS.contains(q.strength()) || !Vocabulary.STRENGTHS.contains(q.childStrength())) {
            return "an indicator of " + q.element() + " needs strength (and child) S, M or W";
        }
        return null;
    }
}
