package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanuu.facts.Dimension;
import org.tanuu.facts.ElementQuestions;
import org.tanuu.facts.Question;
import org.tanuu.facts.Vocabulary;

/** The interview vocabulary (rules/questionnaire.yaml): every question id, its kind and its evidence weight. */
public final class Questionnaire {
    static final List<String> KINDS = List.of("yesno", "int", "enum", "date");
    /** The element of a question that is not evidence of act, means or purpose (age, dates, offences, ...). */
    static final String CONTEXT = "CONTEXT";

    /** The section that names the ILO/EC dimensions and the element each is evidence of; every other section holds questions. */
    static final String DIMENSIONS = "dimensions";

    private final Map<String, Question> questions;
    private final List<Dimension> dimensions;

    private Questionnaire(Map<String, Question> questions, List<Dimension> dimensions) {
        this.questions = Collections.unmodifiableMap(questions);
        this.dimensions = List.copyOf(dimensions);
    }

    /** The ILO/EC dimensions, each with the element its indicators are evidence of. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    public Question get(String id) {
        return questions.get(id);
    }

    public Iterable<Question> all() {
        return questions.values();
    }

    /** The question as {@code jurisdiction} reads it (context where it is scoped to others), or null. */
    public Question get(String id, String jurisdiction) {
        Question q = questions.get(id);
        return q == null ? null : q.under(jurisdiction);
    }

    /**
     * Every question of each element as {@code jurisdiction} reads it, for the rules that need the unanswered ones too
     * (not found, missing): a question scoped to other jurisdictions is not among them.
     */
    public List<ElementQuestions> byElement(String jurisdiction) {
        return Vocabulary.ELEMENTS.stream().map(element -> new ElementQuestions(element, questions.values().stream()
                .map(q -> q.under(jurisdiction)).filter(q -> q.element().equals(element)).map(Question::id).toList())).toList();
    }

    /** A question as written: every key the catalogue knows, no other. */
    private record Item(@JsonProperty(required = true) String id, String kind, List<String> values, String element,
                        String basis, String cites, List<String> dimensions, String strength, String child,
                        @JsonProperty(required = true) String text, Integer min, Integer max, List<String> jurisdictions) {
    }

    /** A dimension as written. */
    private record DimensionItem(@JsonProperty(required = true) String id, @JsonProperty(required = true) String element,
                                 @JsonProperty(required = true) String text) {
    }

    /** What is wrong with a question, and the key it is wrong at. */
    private record Flaw(String key, String message) {
    }

    /** Reads the catalogue: top-level sections, each a list of items. Problems are added to {@code problems}. */
    static Questionnaire read(String text, String file, java.util.Set<String> jurisdictions, List<RuleProblem> problems) {
        Map<String, Question> questions = new LinkedHashMap<>();
        YamlFile yaml = YamlFile.parse(file, text, problems);
        JsonNode root = yaml.map("a map of sections, each a list of questions");
        if (root == null) {
            return new Questionnaire(questions, List.of());
        }
        Map<String, Dimension> dimensions = dimensions(yaml, root);
        root.fields().forEachRemaining(section -> {
            if (section.getKey().equals(DIMENSIONS)) {
                return;
            }
            JsonPointer sectionAt = JsonPointer.empty().appendProperty(section.getKey());
            if (!section.getValue().isArray()) {
                yaml.problem(sectionAt, "section '" + section.getKey() + "': expected a list of questions, found " + YamlFile.kind(section.getValue()));
                return;
            }
            for (int i = 0; i < section.getValue().size(); i++) {
                JsonPointer at = sectionAt.appendIndex(i);
                JsonNode id = section.getValue().get(i).path("id");
                String where = "section '" + section.getKey() + "'" + (id.isTextual() ? ", question '" + id.asText() + "'" : "");
                Item item = yaml.read(at, Item.class, where);
                if (item == null) {
                    continue;
                }
                Question question = question(section.getKey(), item);
                Flaw flaw = questions.containsKey(item.id()) ? new Flaw("id", "duplicate question id")
                        : !jurisdictions.containsAll(question.jurisdictions()) ? new Flaw("jurisdictions", "jurisdictions must be codes of "
                                + RuleBookCompiler.JURISDICTIONS + " " + jurisdictions)
                        : problem(question);
                if (flaw == null) {
                    flaw = dimensionProblem(question, dimensions);
                }
                if (flaw != null) {
                    yaml.problem(at.appendProperty(flaw.key()), where + ": " + flaw.message());
                } else {
                    questions.put(item.id(), question);
                }
            }
        });
        return new Questionnaire(questions, List.copyOf(dimensions.values()));
    }

    /** The dimensions section: a list of {id, element, text}, each element one of ACT, MEANS, PURPOSE. */
    private static Map<String, Dimension> dimensions(YamlFile yaml, JsonNode root) {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        JsonNode list = root.path(DIMENSIONS);
        JsonPointer sectionAt = JsonPointer.empty().appendProperty(DIMENSIONS);
        if (!list.isArray()) {
            yaml.problem(sectionAt, "section '" + DIMENSIONS + "': expected a list of {id, element, text}, found " + YamlFile.kind(list));
            return dimensions;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = sectionAt.appendIndex(i);
            DimensionItem item = yaml.read(at, DimensionItem.class, "section '" + DIMENSIONS + "'");
            if (item == null) {
                continue;
            }
            if (!Vocabulary.ELEMENTS.contains(item.element())) {
                yaml.problem(at.appendProperty("element"), "dimension '" + item.id() + "': element must be one of " + Vocabulary.ELEMENTS);
            } else if (dimensions.containsKey(item.id())) {
                yaml.problem(at.appendProperty("id"), "dimension '" + item.id() + "': duplicate dimension id");
            } else {
                dimensions.put(item.id(), new Dimension(item.id(), item.element(), item.text()));
            }
        }
        return dimensions;
    }

    /**
     * An indicator needs one or two dimensions, each of the dimensions section and evidence of the question's element; a
     * law question may name dimensions too (the dimension its words are evidence of), under the same conditions.
     */
    private static Flaw dimensionProblem(Question q, Map<String, Dimension> dimensions) {
        if (q.element().equals(CONTEXT)) {
            return q.dimensions().isEmpty() ? null : new Flaw("dimensions", "a context question has no dimensions");
        }
        if (Question.INDICATOR.equals(q.basis()) && (q.dimensions().isEmpty() || q.dimensions().size() > 2)) {
            return new Flaw("dimensions", "an indicator of " + q.element() + " needs dimensions: one or two of " + dimensions.keySet());
        }
        for (String d : q.dimensions()) {
            Dimension dimension = dimensions.get(d);
            if (dimension == null) {
                return new Flaw("dimensions", "unknown dimension '" + d + "'; expected one of " + dimensions.keySet());
            }
            if (!dimension.element().equals(q.element())) {
                return new Flaw("dimensions", "dimension '" + d + "' is evidence of " + dimension.element() + ", not " + q.element());
            }
        }
        return null;
    }

    /** An item as written; sections person and context hold CONTEXT questions, the others evidence of their element. */
    private static Question question(String section, Item item) {
        String element = item.element() != null ? item.element()
                : section.equals("context") || section.equals("person") ? CONTEXT : section.toUpperCase();
        return new Question(item.id(), item.kind() == null ? "yesno" : item.kind(),
                item.values() == null ? List.of() : List.copyOf(item.values()), element, item.basis(), item.cites(),
                item.dimensions() == null ? List.of() : List.copyOf(item.dimensions()), item.strength(), item.child() == null ? item.strength() : item.child(), item.text(),
                item.min(), item.max(), item.jurisdictions() == null ? List.of() : List.copyOf(item.jurisdictions()));
    }

    /** What is wrong with a question, or null. */
    private static Flaw problem(Question q) {
        if (!KINDS.contains(q.kind())) {
            return new Flaw("kind", "kind must be one of " + KINDS);
        }
        if (q.kind().equals("enum") && q.values().isEmpty()) {
            return new Flaw("kind", "an enum question needs values");
        }
        if (!q.element().equals(CONTEXT) && !Vocabulary.ELEMENTS.contains(q.element())) {
            return new Flaw("element", "element must be one of " + Vocabulary.ELEMENTS + " or " + CONTEXT);
        }
        if (q.element().equals(CONTEXT)) {
            return null;
        }
        if (Question.LAW.equals(q.basis())) {
            return q.cites() == null || q.cites().isBlank()
                    ? new Flaw("cites", "a law question needs cites: the instrument's words it stands for") : null;
        }
        if (!Question.INDICATOR.equals(q.basis())) {
            return new Flaw("basis", "evidence of " + q.element() + " needs basis: law or basis: indicator");
        }
        if (q.strength() == null) {
            return new Flaw("strength", "missing key \"strength\": an indicator of " + q.element() + " needs strength S, M or W");
        }
        if (!Vocabulary.STRENGTHS.contains(q.strength()) || !Vocabulary.STRENGTHS.contains(q.childStrength())) {
            return new Flaw(Vocabulary.STRENGTHS.contains(q.strength()) ? "child" : "strength",
                    "an indicator of " + q.element() + " needs strength (and child) S, M or W");
        }
        return null;
    }
}
