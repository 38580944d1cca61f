package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule book of one legal order, as declared in rules/jurisdictions.yaml. {@code languages}: the languages its
 * screeners use (codes of rules/i18n/), the one to offer first first; every language stays available under every
 * jurisdiction with {@code ?lang=}. Omitted: English only.
 */
public record Jurisdiction(String code, String name, List<String> folders, List<Instrument> instruments, List<String> languages) {

    /** A legal instrument the rule book implements, in a named edition. */
    public record Instrument(String name, String edition) {
    }

    /** One entry as written. */
    private record Entry(@JsonProperty(required = true) String name, @JsonProperty(required = true) List<String> folders,
                         List<InstrumentEntry> instruments, List<String> languages) {
    }

    private record InstrumentEntry(@JsonProperty(required = true) String name, String edition) {
    }

    /**
     * What jurisdictions.yaml declares: every rule book by code, the baseline every decision is shown beside, and the
     * default for a request that names none.
     */
    public record Declared(Map<String, Jurisdiction> all, String baseline, String fallback) {
    }

    /** The file as written. */
    private record File(@JsonProperty(required = true) String baseline, @JsonProperty(required = true, value = "default") String fallback,
                        @JsonProperty(required = true) JsonNode jurisdictions) {
    }

    /**
     * Reads jurisdictions.yaml: baseline, default, and jurisdictions: code -> {name, folders, instruments, languages};
     * a language that is not one of {@code languages} (English and the files of rules/i18n/) is a problem at its line.
     */
    static Declared readAll(String text, String file, Set<String> languages, List<RuleProblem> problems) {
        Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
        YamlFile yaml = YamlFile.parse(file, text, problems);
        JsonNode root = yaml.map("a map with baseline, default and jurisdictions (code -> {name, folders, instruments})");
        File declared = root == null ? null : yaml.read(JsonPointer.empty(), File.class, "");
        if (declared == null) {
            return new Declared(jurisdictions, null, null);
        }
        JsonPointer listAt = JsonPointer.empty().appendProperty("jurisdictions");
        if (!declared.jurisdictions().isObject()) {
            yaml.problem(listAt, "jurisdictions: expected a map of code to {name, folders, instruments}, found " + YamlFile.kind(declared.jurisdictions()));
            return new Declared(jurisdictions, null, null);
        }
        declared.jurisdictions().fieldNames().forEachRemaining(code -> {
            JsonPointer at = listAt.appendProperty(code);
            Entry entry = yaml.read(at, Entry.class, code);
            if (entry == null) {
                // Already a problem; keeping the code spares every case of this jurisdiction a second one.
                jurisdictions.put(code, new Jurisdiction(code, code, List.of(), List.of(), List.of()));
                return;
            }
            if (entry.folders().isEmpty()) {
                yaml.problem(at.appendProperty("folders"), code + ": lists no rule folders");
            }
            List<Instrument> instruments = entry.instruments() == null ? List.of()
                    : entry.instruments().stream().map(i -> new Instrument(i.name(), i.edition())).toList();
            List<String> spoken = entry.languages() == null ? List.of(Translations.ENGLISH) : List.copyOf(entry.languages());
            for (int i = 0; i < spoken.size(); i++) {
                if (!languages.contains(spoken.get(i))) {
                    yaml.problem(at.appendProperty("languages").appendIndex(i), code + ": no language " + spoken.get(i)
                            + " in " + Translations.FOLDER + "; the languages are " + new java.util.TreeSet<>(languages));
                }
            }
            jurisdictions.put(code, new Jurisdiction(code, entry.name(), List.copyOf(entry.folders()), instruments, spoken));
        });
        for (String key : List.of("baseline", "default")) {
            String code = key.equals("baseline") ? declared.baseline() : declared.fallback();
            if (!jurisdictions.containsKey(code)) {
                yaml.problem(JsonPointer.empty().appendProperty(key), key + ": " + code + " is not a jurisdiction of this file " + jurisdictions.keySet());
            }
        }
        return new Declared(jurisdictions, declared.baseline(), declared.fallback());
    }
}
