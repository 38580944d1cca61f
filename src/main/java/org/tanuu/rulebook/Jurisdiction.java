package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule book of one legal order, as declared in rules/jurisdictions.yaml. */
public record Jurisdiction(String code, String name, List<String> folders, List<Instrument> instruments) {

    /** A legal instrument the rule book implements, in a named edition. */
    public record Instrument(String name, String edition) {
    }

    /** One entry as written. */
    private record Entry(@JsonProperty(required = true) String name, @JsonProperty(required = true) List<String> folders,
                         List<InstrumentEntry> instruments) {
    }

    private record InstrumentEntry(@JsonProperty(required = true) String name, String edition) {
    }

    /** Reads jurisdictions.yaml: code -> {name, folders, instruments}. Problems are added to {@code problems}. */
    static Map<String, Jurisdiction> readAll(String text, String file, List<RuleProblem> problems) {
        Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
        YamlFile yaml = YamlFile.parse(file, text, problems);
        JsonNode root = yaml.map("a map of jurisdiction code to {name, folders, instruments}");
        if (root == null) {
            return jurisdictions;
        }
        root.fieldNames().forEachRemaining(code -> {
            JsonPointer at = JsonPointer.empty().appendProperty(code);
            Entry entry = yaml.read(at, Entry.class, code);
            if (entry == null) {
                // Already a problem; keeping the code spares every case of this jurisdiction a second one.
                jurisdictions.put(code, new Jurisdiction(code, code, List.of(), List.of()));
                return;
            }
            if (entry.folders().isEmpty()) {
                yaml.problem(at.appendProperty("folders"), code + ": lists no rule folders");
            }
            List<Instrument> instruments = entry.instruments() == null ? List.of()
                    : entry.instruments().stream().map(i -> new Instrument(i.name(), i.edition())).toList();
            jurisdictions.put(code, new Jurisdiction(code, entry.name(), List.copyOf(entry.folders()), instruments));
        });
        return jurisdictions;
    }
}
