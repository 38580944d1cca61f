package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule book of one legal order, as declared in rules/jurisdictions.yaml. */
public record Jurisdiction(String code, String name, List<String> folders, List<Instrument> instruments) {

    /** A legal instrument the rule book implements, in a named edition. */
    public record Instrument(String name, String edition) {
    }

    /** Reads jurisdictions.yaml: code -> {name, folders, instruments}. Problems are added to {@code problems}. */
    static Map<String, Jurisdiction> readAll(JsonNode root, String file, List<RuleProblem> problems) {
        Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
        if (root == null) {
            return jurisdictions;
        }
        if (!root.isObject()) {
            problems.add(new RuleProblem(file, 1, 0, "must be a map of jurisdiction code to {name, folders, instruments}"));
            return jurisdictions;
        }
        root.fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            List<String> folders = new ArrayList<>();
            node.path("folders").forEach(f -> folders.add(f.asText()));
            List<Instrument> instruments = new ArrayList<>();
            node.path("instruments").forEach(i -> instruments.add(new Instrument(i.path("name").asText(), i.path("edition").asText(null))));
            if (folders.isEmpty()) {
                problems.add(new RuleProblem(file, 0, 0, entry.getKey() + ": lists no rule folders"));
            }
            jurisdictions.put(entry.getKey(), new Jurisdiction(entry.getKey(), node.path("name").asText(entry.getKey()),
                    List.copyOf(folders), List.copyOf(instruments)));
        });
        return jurisdictions;
    }
}
