package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
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

    /**
     * One entry: what the text is, where it is published, which text edition our line numbers refer to, and the file
     * of that edition under the sources folder ({@code tanuu.sources.dir}), for a reviewer to read the cited lines.
     */
    public record Source(String id, String title, String author, Integer year, String published, String edition,
                         Integer lines, String file) {
    }

    /** The lines a citation names (first and last, 1-based), or null when it names none (a treaty's article). */
    public record Lines(Source source, int first, int last) {
    }

    private final Map<String, Source> sources;

    private Bibliography(Map<String, Source> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** One entry as written. */
    private record Entry(@JsonProperty(required = true) String title, String author, Integer year,
                         @JsonProperty(required = true) String published, String edition, Integer lines, String file) {
    }

    static Bibliography read(String text, List<RuleProblem> problems) {
        Map<String, Source> sources = new LinkedHashMap<>();
        YamlFile yaml = YamlFile.parse(FILE, text, problems);
        JsonNode root = yaml.map("a map of source id to its entry");
        if (root == null) {
            return new Bibliography(sources);
        }
        root.fieldNames().forEachRemaining(id -> {
            Entry n = yaml.read(JsonPointer.empty().appendProperty(id), Entry.class, id);
            if (n != null && n.file() != null && (n.file().contains("/") || n.file().contains("\\") || n.file().startsWith("."))) {
                yaml.problem(JsonPointer.empty().appendProperty(id).appendProperty("file"), id
                        + ": file must be a file name in the sources folder, not a path: " + n.file());
            }
            // A broken entry is already a problem; keeping its id spares every citation of it a second one.
            sources.put(id, n == null ? new Source(id, null, null, null, null, null, null, null)
                    : new Source(id, n.title(), n.author(), n.year(), n.published(), n.edition(), n.lines(), n.file()));
        });
        return new Bibliography(sources);
    }

    /** The entry a citation names, or null when it names none. */
    public Source entry(String citation) {
        Matcher m = citation == null ? null : CITATION.matcher(citation);
        return m != null && m.matches() ? sources.get(m.group(1)) : null;
    }

    /** The lines a citation names in an entry cited by line, or null. */
    public Lines lines(String citation) {
        Source source = entry(citation);
        Matcher lines = source == null || source.lines() == null ? null : LINES.matcher(citation.substring(citation.indexOf(':') + 1));
        if (lines == null || !lines.matches()) {
            return null;
        }
        int first = Integer.parseInt(lines.group(1));
        return new Lines(source, first, lines.group(2) == null ? first : Integer.parseInt(lines.group(2)));
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
