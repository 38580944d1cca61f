package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A worked case from rules/cases/: an interview and what the rule book must conclude about it. Together they
 * are the rule book's regression suite and the trainers' material. {@code id} is the file name without .yaml;
 * {@code changed} says why an expectation was corrected, one line per correction.
 */
public record SampleCase(String id, String file, String name, String summary, String source, String jurisdiction,
                         JsonNode answers, Expectation expect, List<String> changed) {

    /**
     * What must come out: the decision (always), and where given per-jurisdiction decisions, the exact flags, the
     * exact findings (rule ids), each offence's status (by the rule id that raises it, the exact set), element
     * statuses, the rules that must fire and the rules that must not.
     */
    public record Expectation(String decision, Map<String, String> jurisdictions, List<String> flags, List<String> findings,
                              Map<String, String> offence, Map<String, String> elements, List<String> fired,
                              List<String> notFired) {
    }

    /** Reads one case file; null (and a problem) when it is not a sound case. Its answers are checked on replay. */
    static SampleCase read(String file, JsonNode node, Set<String> jurisdictions, List<RuleProblem> problems) {
        List<String> missing = Stream.of("name", "jurisdiction", "answers", "expect").filter(f -> !node.hasNonNull(f)).toList();
        if (!missing.isEmpty()) {
            problems.add(new RuleProblem(file, 1, 0, "a sample case needs " + String.join(", ", missing)));
            return null;
        }
        String jurisdiction = node.get("jurisdiction").asText();
        JsonNode expect = node.get("expect");
        if (!jurisdictions.contains(jurisdiction)) {
            problems.add(new RuleProblem(file, 1, 0, "unknown jurisdiction " + jurisdiction + "; expected one of " + jurisdictions));
            return null;
        }
        if (!expect.path("decision").isTextual()) {
            problems.add(new RuleProblem(file, 1, 0, "expect needs a decision: a case that expects nothing passes whatever happens"));
            return null;
        }
        String id = file.substring(file.lastIndexOf('/') + 1, file.length() - ".yaml".length());
        return new SampleCase(id, file, node.get("name").asText(), node.path("summary").asText("").strip(),
                node.path("source").asText(null), jurisdiction, node.get("answers"), new Expectation(
                        expect.get("decision").asText(), strings(expect.path("jurisdictions")),
                        expect.has("flags") ? list(expect.get("flags")) : null,
                        expect.has("findings") ? list(expect.get("findings")) : null,
                        expect.has("offence") ? strings(expect.get("offence")) : null, strings(expect.path("elements")),
                        list(expect.path("fired")), list(expect.path("notFired"))), list(node.path("changed")));
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> strings.put(e.getKey(), e.getValue().asText()));
        return strings;
    }

    private static List<String> list(JsonNode list) {
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(item.asText()));
        return List.copyOf(strings);
    }
}
