package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts the rule book rests on (rules/sources.yaml). A citation is {@code id:locator}: for a report cited by
 * line, {@code unicef-2008:211} or {@code tac-auca-2019:327-330 (§2.1.1)}; for a treaty, {@code palermo-protocol:Art. 3(c)}.
 */
public final class Bibliography {
    static final String FILE = "sources.yaml";
    private static final Pattern CITATION = Pattern.compile("([a-z0-9-]+):(.+)");
    private static final Pattern LINES = Pattern.compile("(\\d+)(?:-(\\d+))?(?: \\(.+\\))?");

    /** One entry: what the text is, where it is published, and which text edition our line numbers refer to. */
    public record Source(String id, String title, String author, Integer year, String published, String edition,
                         Integer lines) {
    }

    private final Map<String, Source> sources;

    private Bibliography(Map<String, Source> sources) {
        this.sources = Map.copyOf(sources);
    }

    static Bibliography read(JsonNode root, List<RuleProblem> problems) {
        Map<String, Source> sources = new LinkedHashMap<>();
        if (root == null) {
            return new Bibliography(sources);
        }
        if (!root.isObject()) {
            problems.add(new RuleProblem(FILE, 1, 0, "the bibliography must be a map of source id to its entry"));
            return new Bibliography(sources);
        }
        root.fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            if (!n.path("title").isTextual() || !n.path("published").isTextual()) {
                problems.add(new RuleProblem(FILE, 0, 0, e.getKey() + ": an entry needs a title and where it is published"));
            }
            sources.put(e.getKey(), new Source(e.getKey(), n.path("title").asText(null), n.path("author").asText(null),
                    n.hasNonNull("year") ? n.get("year").asInt() : null, n.path("published").asText(null),
                    n.path("edition").asText(null), n.hasNonNull("lines") ? n.get("lines").asInt() : null));
        });
        return new Bibliography(sources);
    }

    /** The entry a citation names, or null when it names none. */
    public Source entry(String citation) {
        Matcher m = citation == null ? null : CITATION.matcher(citation);
        return m != null && m.matches() ? sources.get(m.group(1)) : null;
    }

    /** What is wrong with a citation, or null when a reader can follow it. */
    String problem(String citation) {
        Matcher m = CITATION.matcher(citation);
        if (!m.matches()) {
            return "cites \"" + citation + "\": expected id:locator, with an id of " + FILE;
        }
        Source source = sources.get(m.group(1));
        if (source == null) {
            return "cites \"" + citation + "\": no source " + m.group(1) + " in " + FILE + "; it lists " + sources.keySet().stream().sorted().toList();
        }
        if (source.lines() == null) {
            return null;
        }
        Matcher lines = LINES.matcher(m.group(2));
        if (!lines.matches()) {
            return "cites \"" + citation + "\": " + source.id() + " is cited by line: expected id:line, id:first-last or either with (section or page)";
        }
        int first = Integer.parseInt(lines.group(1));
        int last = lines.group(2) == null ? first : Integer.parseInt(lines.group(2));
        if (first < 1 || last < first || last > source.lines()) {
            return "cites \"" + citation + "\": " + source.id() + " has lines 1-" + source.lines();
        }
        return null;
    }
}
