package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanuu.facts.Combination;
import org.tanuu.facts.Parameter;
import org.tanuu.facts.PresumptionCombination;

/**
 * The legal parameters (rules/parameters.yaml): each a name, and its values by date, with the citation of each value;
 * a jurisdiction whose law differs has values of its own. Rules read "the value in force on the events date for this
 * jurisdiction" under one name, as {@link Parameter} facts (a number or a date) and {@link Combination} facts (the ways
 * indicators establish an element).
 */
public final class Parameters {
    static final String FILE = "parameters.yaml";
    static final String COMBINATIONS = "establishing-combinations";
    static final String PRESUMPTION = "presumption-combinations";
    /** The statuses a presumption combination may ask of an element: at least indicated, or established. */
    private static final java.util.List<String> LEAST_STATUSES = java.util.List.of("INDICATED", "ESTABLISHED");
    private static final String DESCRIPTION = "description";
    private static final String VALUES = "values";

    /** One value and the law it rests on; in force from {@code from} (null: as far back as our sources go). */
    public record Value(LocalDate from, Object value, String citation, String source, String todo) {
    }

    /**
     * A parameter: what it is, the baseline values, the values of each jurisdiction whose law differs, and the rules
     * that read it (by @id).
     */
    public record Definition(String name, String description, List<Value> values, Map<String, List<Value>> jurisdictions,
                             List<String> readBy) {
        /** The values that apply under {@code jurisdiction}: its own, or the baseline. */
        public List<Value> valuesFor(String jurisdiction) {
            return jurisdictions.getOrDefault(jurisdiction, values);
        }

        /** The value in force on {@code date} under {@code jurisdiction}, or null (none yet, or none for it). */
        public Value inForce(String jurisdiction, LocalDate date) {
            Value found = null;
            for (Value v : valuesFor(jurisdiction)) {
                if (v.from() == null || !v.from().isAfter(date)) {
                    found = v;
                }
            }
            return found;
        }
    }

    /** One value as written. */
    private record Entry(String from, @JsonProperty(required = true) JsonNode value,
                         @JsonProperty(required = true) String citation, String source, String todo, String scope) {
    }

    /** Where the indicators of an establishing combination are counted: within one ILO/EC dimension (issue 17, §4). */
    static final List<String> SCOPES = List.of("dimension");

    /** One combination as written: how many indicators of each strength; a strength left out counts 0. */
    private record Counts(Integer strong, Integer medium, Integer weak, Integer mediumOrWeak) {
    }

    private final Map<String, Definition> definitions;

    private Parameters(Map<String, Definition> definitions) {
        this.definitions = definitions;
    }

    public Collection<Definition> all() {
        return definitions.values();
    }

    /**
     * The first day of the period {@code date} falls in under {@code jurisdiction}: the latest {@code from} of any of
     * its values on or before it (null before the first). Every day of a period has the same parameters in force.
     */
    LocalDate periodOf(String jurisdiction, LocalDate date) {
        LocalDate start = null;
        for (Definition d : definitions.values()) {
            for (Value v : d.valuesFor(jurisdiction)) {
                if (v.from() != null && !v.from().isAfter(date) && (start == null || v.from().isAfter(start))) {
                    start = v.from();
                }
            }
        }
        return start;
    }

    public Definition get(String name) {
        return definitions.get(name);
    }

    /** The same parameters, each with the rules (by @id) that read it. */
    Parameters readBy(Map<String, List<String>> readers) {
        Map<String, Definition> read = new LinkedHashMap<>();
        definitions.forEach((name, d) -> read.put(name, new Definition(name, d.description(), d.values(), d.jurisdictions(),
                List.copyOf(readers.getOrDefault(name, List.of())))));
        return new Parameters(read);
    }

    /** The facts an evaluation under {@code jurisdiction} of events on {@code date} starts from. */
    public List<Object> facts(String jurisdiction, LocalDate date) {
        List<Object> facts = new ArrayList<>();
        for (Definition d : definitions.values()) {
            Value v = d.inForce(jurisdiction, date);
            if (v == null) {
                continue;
            }
            if (v.value() instanceof List<?> combinations) {
                facts.addAll(combinations);
            } else {
                facts.add(v.value() instanceof Integer n ? new Parameter(d.name(), n, null) : new Parameter(d.name(), null, (LocalDate) v.value()));
            }
        }
        return facts;
    }

    static Parameters read(String text, Set<String> jurisdictions, Bibliography bibliography, List<RuleProblem> problems) {
        Map<String, Definition> definitions = new LinkedHashMap<>();
        YamlFile yaml = YamlFile.parse(FILE, text, problems);
        JsonNode root = yaml.map("a map of name to {description, values, and values per jurisdiction}");
        if (root == null) {
            return new Parameters(definitions);
        }
        root.fieldNames().forEachRemaining(name -> {
            JsonPointer at = JsonPointer.empty().appendProperty(name);
            JsonNode node = root.get(name);
            if (!node.isObject()) {
                yaml.problem(at, name + ": expected a map with " + DESCRIPTION + " and " + VALUES + ", found " + YamlFile.kind(node));
                return;
            }
            if (!node.path(DESCRIPTION).isTextual()) {
                yaml.problem(at, name + ": missing key \"" + DESCRIPTION + "\": say what the parameter is");
            }
            List<Value> values = List.of();
            Map<String, List<Value>> byJurisdiction = new LinkedHashMap<>();
            for (String key : (Iterable<String>) node::fieldNames) {
                if (key.equals(VALUES)) {
                    values = values(yaml, at.appendProperty(key), name, name, node.get(key), bibliography);
                } else if (jurisdictions.contains(key)) {
                    byJurisdiction.put(key, values(yaml, at.appendProperty(key), name, name + " under " + key, node.get(key), bibliography));
                } else if (!key.equals(DESCRIPTION)) {
                    yaml.problem(at.appendProperty(key), name + ": unknown key \"" + key + "\"; expected " + DESCRIPTION + ", "
                            + VALUES + " or a jurisdiction of jurisdictions.yaml " + jurisdictions);
                }
            }
            if (!node.has(VALUES) && byJurisdiction.isEmpty()) {
                yaml.problem(at, name + ": no values: give " + VALUES + " (every jurisdiction) or values under a jurisdiction");
            }
            definitions.put(name, new Definition(name, node.path(DESCRIPTION).asText(""), values, Map.copyOf(byJurisdiction), List.of()));
        });
        return new Parameters(definitions);
    }

    /** A list of dated values, oldest first; only the first may be undated. */
    private static List<Value> values(YamlFile yaml, JsonPointer at, String name, String what, JsonNode list, Bibliography bibliography) {
        List<Value> values = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            yaml.problem(at, what + ": expected a list of {from, value, citation}, found " + YamlFile.kind(list));
            return values;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonPointer itemAt = at.appendIndex(i);
            Entry e = yaml.read(itemAt, Entry.class, what + "[" + i + "]");
            if (e == null) {
                continue;
            }
            String cited = e.source() == null ? null : bibliography.problem(e.source());
            if (cited != null) {
                yaml.problem(itemAt.appendProperty("source"), what + ": source " + cited);
            }
            LocalDate from = e.from() == null ? null : date(e.from());
            if (e.from() != null && from == null) {
                yaml.problem(itemAt.appendProperty("from"), what + "[" + i + "]: from must be a date (YYYY-MM-DD)");
                continue;
            }
            LocalDate previous = values.isEmpty() ? null : values.get(values.size() - 1).from();
            if (i > 0 && (from == null || (previous != null && !from.isAfter(previous)))) {
                yaml.problem(itemAt, what + "[" + i + "]: a later value needs a from date after the one before it");
            }
            if (name.equals(COMBINATIONS) != (e.scope() != null)) {
                yaml.problem(itemAt.appendProperty("scope"), what + "[" + i + "]: " + (e.scope() == null
                        ? "missing key \"scope\": where the indicators are counted, one of " + SCOPES
                        : "only " + COMBINATIONS + " has a scope"));
                continue;
            }
            if (e.scope() != null && !SCOPES.contains(e.scope())) {
                yaml.problem(itemAt.appendProperty("scope"), what + "[" + i + "]: scope must be one of " + SCOPES
                        + " (the rules count the indicators within one ILO/EC dimension)");
                continue;
            }
            Object value = name.equals(PRESUMPTION) ? presumption(yaml, itemAt.appendProperty("value"), what, e.value())
                    : value(yaml, itemAt.appendProperty("value"), what, e.value(), e.scope());
            if (value != null) {
                values.add(new Value(from, value, e.citation(), e.source(), e.todo()));
            }
        }
        return List.copyOf(values);
    }

    /**
     * For {@value #PRESUMPTION}: a list of combinations, each a map of element (ACT, MEANS, PURPOSE) to the least status
     * it must have (INDICATED or ESTABLISHED).
     */
    private static Object presumption(YamlFile yaml, JsonPointer at, String what, JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            yaml.problem(at, what + ": expected a list of combinations such as {ACT: INDICATED, PURPOSE: INDICATED}");
            return null;
        }
        List<PresumptionCombination> combinations = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode c = value.get(i);
            JsonPointer cAt = at.appendIndex(i);
            if (!c.isObject() || c.isEmpty()) {
                yaml.problem(cAt, what + "[" + i + "]: expected a map of element to status, e.g. {ACT: ESTABLISHED, MEANS: ESTABLISHED}");
                continue;
            }
            boolean sound = true;
            for (String element : (Iterable<String>) c::fieldNames) {
                if (!org.tanuu.facts.Vocabulary.ELEMENTS.contains(element)) {
                    yaml.problem(cAt.appendProperty(element), what + "[" + i + "]: unknown element " + element + "; expected one of "
                            + org.tanuu.facts.Vocabulary.ELEMENTS);
                    sound = false;
                } else if (!LEAST_STATUSES.contains(c.get(element).asText()) || !c.get(element).isTextual()) {
                    yaml.problem(cAt.appendProperty(element), what + "[" + i + "]: " + element + " must be one of " + LEAST_STATUSES);
                    sound = false;
                }
            }
            if (sound) {
                combinations.add(new PresumptionCombination(text(c, "ACT"), text(c, "MEANS"), text(c, "PURPOSE")));
            }
        }
        return List.copyOf(combinations);
    }

    private static String text(JsonNode map, String key) {
        return map.has(key) ? map.get(key).asText() : null;
    }

    /** A whole number, a date, or (for {@value #COMBINATIONS}) a list of combinations. */
    private static Object value(YamlFile yaml, JsonPointer at, String what, JsonNode value, String scope) {
        if (value.isArray()) {
            List<Combination> combinations = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                Counts c = yaml.read(at.appendIndex(i), Counts.class, what + "[" + i + "]");
                if (c != null) {
                    combinations.add(new Combination(scope, count(c.strong()), count(c.medium()), count(c.weak()), count(c.mediumOrWeak())));
                }
            }
            if (value.isEmpty()) {
                yaml.problem(at, what + ": a list of combinations needs at least one");
            }
            return List.copyOf(combinations);
        }
        if (value.isInt()) {
            return value.asInt();
        }
        if (value.isTextual() && date(value.asText()) != null) {
            return date(value.asText());
        }
        yaml.problem(at, what + ": value must be a whole number, a date (YYYY-MM-DD) or a list of combinations");
        return null;
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
