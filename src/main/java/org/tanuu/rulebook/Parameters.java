package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tanuu.facts.Combination;
import org.tanuu.facts.Parameter;

/**
 * The legal parameters (rules/parameters.yaml) as the facts rules read: a {@link Parameter} per number or date, a
 * {@link Combination} per way indicators establish an element.
 */
final class Parameters {
    static final String FILE = "parameters.yaml";
    static final String COMBINATIONS = "establishing-combinations";

    private Parameters() {
    }

    static List<Object> read(JsonNode root, Bibliography bibliography, List<RuleProblem> problems) {
        List<Object> facts = new ArrayList<>();
        if (root == null) {
            return facts;
        }
        if (!root.isObject()) {
            problems.add(new RuleProblem(FILE, 1, 0, "the parameters must be a map of name to {value, citation}"));
            return facts;
        }
        root.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode entry = e.getValue();
            JsonNode value = entry.path("value");
            if (!entry.path("citation").isTextual()) {
                problems.add(new RuleProblem(FILE, 0, 0, name + ": a parameter needs a citation"));
            }
            String cited = entry.hasNonNull("source") ? bibliography.problem(entry.get("source").asText()) : null;
            if (cited != null) {
                problems.add(new RuleProblem(FILE, 0, 0, name + ": source " + cited));
            }
            if (name.equals(COMBINATIONS)) {
                combinations(value, problems).forEach(facts::add);
            } else if (value.isInt()) {
                facts.add(new Parameter(name, value.asInt(), null));
            } else {
                try {
                    facts.add(new Parameter(name, null, LocalDate.parse(value.asText())));
                } catch (DateTimeParseException notADate) {
                    problems.add(new RuleProblem(FILE, 0, 0, name + ": value must be a whole number or a date (YYYY-MM-DD)"));
                }
            }
        });
        return facts;
    }

    private static List<Combination> combinations(JsonNode value, List<RuleProblem> problems) {
        List<Combination> combinations = new ArrayList<>();
        if (!value.isArray() || value.isEmpty()) {
            problems.add(new RuleProblem(FILE, 0, 0, COMBINATIONS + ": value must list at least one combination"));
        }
        for (JsonNode c : value) {
            combinations.add(new Combination(c.path("strong").asInt(0), c.path("medium").asInt(0), c.path("weak").asInt(0),
                    c.path("mediumOrWeak").asInt(0)));
        }
        return combinations;
    }
}
