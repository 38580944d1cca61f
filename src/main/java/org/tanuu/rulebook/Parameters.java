package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
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

    /** One entry as written. {@code todo} says what is unconfirmed; rules never read it. */
    private record Entry(@JsonProperty(required = true) JsonNode value, @JsonProperty(required = true) String citation,
                         String source, String todo) {
    }

    /** One combination as written: how many indicators of each strength; a strength left out counts 0. */
    private record Counts(Integer strong, Integer medium, Integer weak, Integer mediumOrWeak) {
    }

    static List<Object> read(String text, Bibliography bibliography, List<RuleProblem> problems) {
        List<Object> facts = new ArrayList<>();
        YamlFile yaml = YamlFile.parse(FILE, text, problems);
        JsonNode root = yaml.map("a map of name to {value, citation}");
        if (root == null) {
            return facts;
        }
        root.fieldNames().forEachRemaining(name -> {
            JsonPointer at = JsonPointer.empty().appendProperty(name);
            Entry entry = yaml.read(at, Entry.class, name);
            if (entry == null) {
                return;
            }
            String cited = entry.source() == null ? null : bibliography.problem(entry.source());
            if (cited != null) {
                yaml.problem(at.appendProperty("source"), name + ": source " + cited);
            }
            JsonNode value = entry.value();
            JsonPointer valueAt = at.appendProperty("value");
            if (name.equals(COMBINATIONS)) {
                combinations(yaml, valueAt, value).forEach(facts::add);
            } else if (value.isInt()) {
                facts.add(new Parameter(name, value.asInt(), null));
            } else if (value.isTextual() && date(value.asText()) != null) {
                facts.add(new Parameter(name, null, date(value.asText())));
            } else {
                yaml.problem(valueAt, name + ": value must be a whole number or a date (YYYY-MM-DD)");
            }
        });
        return facts;
    }

    private static List<Combination> combinations(YamlFile yaml, JsonPointer at, JsonNode value) {
        List<Combination> combinations = new ArrayList<>();
        if (!value.isArray() || value.isEmpty()) {
            yaml.problem(at, COMBINATIONS + ": value must list at least one combination");
            return combinations;
        }
        for (int i = 0; i < value.size(); i++) {
            Counts c = yaml.read(at.appendIndex(i), Counts.class, COMBINATIONS + "[" + i + "]");
            if (c != null) {
                combinations.add(new Combination(count(c.strong()), count(c.medium()), count(c.weak()), count(c.mediumOrWeak())));
            }
        }
        return combinations;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
