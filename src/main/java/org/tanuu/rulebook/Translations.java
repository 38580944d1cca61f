package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanuu.facts.Question;
import org.tanuu.facts.Vocabulary;

/**
 * The rule book in the screeners' languages (rules/i18n/&lt;lang&gt;.yaml): texts keyed by question id, answer value,
 * label, flag code and rule {@code @id}. A text is looked up as {@code section.key}, e.g. {@code questions.act.recruited},
 * {@code values.person.sex.F}, {@code labels.decision.IDENTIFIED}, {@code flags.CHILD.next}, {@code rules.PAL-CHILD-AGE},
 * {@code document.title}; each entry falls back to English, then to the rule book's own words (the questionnaire's
 * {@code text}, the rule's {@code @title}). English is the reference for the labels and the document's wording.
 */
public final class Translations {
    public static final String FOLDER = "i18n/";
    public static final String ENGLISH = "en";
    /** Answers of a yes/no question, under {@code values.yesno}. */
    public static final String YESNO = "yesno";
    private static final Pattern FLAG = Pattern.compile("Flag\\(\\s*\"([A-Z_]+)\"");

    /** One language as its file says: its name, whether a qualified translator reviewed its legal wording, its texts. */
    public record Language(String code, String name, boolean reviewed, Map<String, String> texts) {
    }

    /** A file as written. */
    private record File(@JsonProperty(required = true) String language, @JsonProperty(required = true) String name,
                        @JsonProperty(required = true) Boolean reviewed, Map<String, String> questions,
                        Map<String, Map<String, String>> values, Map<String, Map<String, String>> labels,
                        Map<String, FlagText> flags, Map<String, String> rules, Map<String, String> document) {
    }

    private record FlagText(String title, String next) {
    }

    private final Map<String, Language> languages;
    /** The rule book's own words: question texts and rule titles, the last fallback. */
    private final Map<String, String> source;
    /** Every key a language may translate, in the order a translator reads them. */
    private final Set<String> keys;

    private Translations(Map<String, Language> languages, Map<String, String> source, Set<String> keys) {
        this.languages = languages;
        this.source = source;
        this.keys = keys;
    }

    /** Reads every file of i18n/; a key naming no question, value, label, flag or rule is a problem at its line. */
    static Translations read(Map<String, String> files, Questionnaire questionnaire, List<RuleInfo> rules, List<RuleProblem> problems) {
        // After another problem the questionnaire or the rules may be partial: a key naming one of them is then no news.
        boolean checkKeys = problems.isEmpty();
        Map<String, String> source = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Question q : questionnaire.all()) {
            source.put("questions." + q.id(), q.text());
            keys.add("questions." + q.id());
        }
        Vocabulary.YES_NO.forEach(v -> keys.add("values." + YESNO + "." + v));
        for (Question q : questionnaire.all()) {
            q.values().forEach(v -> keys.add("values." + q.id() + "." + v));
        }
        Set<String> flags = new java.util.TreeSet<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                Matcher m = FLAG.matcher(f.getValue());
                while (m.find()) {
                    flags.add(m.group(1));
                }
            }
        }
        for (String flag : flags) {
            keys.add("flags." + flag + ".title");
            keys.add("flags." + flag + ".next");
        }
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        rules.stream().filter(r -> r.id() != null).forEach(r -> byId.putIfAbsent(r.id(), r));
        byId.forEach((id, r) -> {
            source.put("rules." + id, r.title());
            keys.add("rules." + id);
        });

        Map<String, File> read = new TreeMap<>();
        Map<String, YamlFile> yamls = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.startsWith(FOLDER) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                YamlFile yaml = YamlFile.parse(name, text, problems);
                if (yaml.map("a language: language, name, reviewed, then questions, values, labels, flags, rules, document") != null) {
                    File file = yaml.read(JsonPointer.empty(), File.class, "");
                    if (file != null) {
                        read.put(name, file);
                        yamls.put(name, yaml);
                    }
                }
            }
        });
        // English names the labels and the document's wording; the other languages translate those keys.
        File english = read.values().stream().filter(f -> ENGLISH.equals(f.language())).findFirst().orElse(null);
        if (english != null) {
            nested(english.labels()).keySet().forEach(k -> keys.add("labels." + k));
            flat(english.document()).keySet().forEach(k -> keys.add("document." + k));
        }

        Map<String, Language> languages = new TreeMap<>();
        read.forEach((name, file) -> {
            YamlFile yaml = yamls.get(name);
            String stem = name.substring(FOLDER.length(), name.lastIndexOf('.'));
            if (!file.language().equals(stem) || !file.language().matches("[a-z]{2,3}")) {
                yaml.problem(JsonPointer.compile("/language"), "language must be the file's name, a two- or three-letter code: " + stem);
                return;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            check(checkKeys, yaml, "questions", flat(file.questions()), questionnaire, byId, flags, keys, texts, false);
            check(checkKeys, yaml, "values", nested(file.values()), questionnaire, byId, flags, keys, texts, false);
            check(checkKeys, yaml, "labels", nested(file.labels()), questionnaire, byId, flags, keys, texts, file == english);
            Map<String, String> flagTexts = new LinkedHashMap<>();
            if (file.flags() != null) {
                file.flags().forEach((code, t) -> {
                    if (t != null) {
                        if (t.title() != null) flagTexts.put(code + ".title", t.title());
                        if (t.next() != null) flagTexts.put(code + ".next", t.next());
                    }
                });
            }
            check(checkKeys, yaml, "flags", flagTexts, questionnaire, byId, flags, keys, texts, false);
            check(checkKeys, yaml, "rules", flat(file.rules()), questionnaire, byId, flags, keys, texts, false);
            check(checkKeys, yaml, "document", flat(file.document()), questionnaire, byId, flags, keys, texts, file == english);
            languages.put(file.language(), new Language(file.language(), file.name(), file.reviewed(), Map.copyOf(texts)));
        });
        return new Translations(languages, source, keys);
    }

    /** Each key of a section: a key that names nothing the rule book has is a problem at its line; a blank text is one too. */
    private static void check(boolean checkKeys, YamlFile yaml, String section, Map<String, String> entries, Questionnaire questionnaire,
                              Map<String, RuleInfo> rules, Set<String> flags, Set<String> keys, Map<String, String> texts,
                              boolean reference) {
        entries.forEach((key, text) -> {
            JsonPointer at = pointer(section, key);
            String full = section + "." + key;
            if (!reference && !keys.contains(full)) {
                if (checkKeys) {
                    yaml.problem(at, section + ": " + unknown(section, key, questionnaire, rules, flags));
                }
            } else if (text == null || text.isBlank()) {
                yaml.problem(at, section + ": no text for " + key + " (leave the key out to fall back to English)");
            } else {
                texts.put(full, text.strip());
            }
        });
    }

    private static String unknown(String section, String key, Questionnaire questionnaire, Map<String, RuleInfo> rules, Set<String> flags) {
        return switch (section) {
            case "questions" -> "no question " + key + " in " + RuleBookCompiler.QUESTIONNAIRE;
            case "values" -> {
                String question = key.substring(0, key.lastIndexOf('.'));
                Question q = questionnaire.get(question);
                yield question.equals(YESNO) ? "the answers of a yes/no question are " + Vocabulary.YES_NO
                        : q == null ? "no question " + question + " in " + RuleBookCompiler.QUESTIONNAIRE
                        : q.values().isEmpty() ? question + " has no listed values (only enum questions do)"
                        : "no value " + key.substring(key.lastIndexOf('.') + 1) + " of " + question + "; it has " + q.values();
            }
            case "flags" -> "no rule raises the flag " + key.substring(0, key.lastIndexOf('.')) + "; the flags are " + flags;
            case "rules" -> "no rule with @id " + key;
            default -> "no " + key + " in " + FOLDER + ENGLISH + ".yaml, which names the " + section + " keys";
        };
    }

    private static JsonPointer pointer(String section, String key) {
        JsonPointer at = JsonPointer.empty().appendProperty(section);
        if (section.equals("values") || section.equals("labels") || section.equals("flags")) {
            int dot = key.lastIndexOf('.');
            return at.appendProperty(key.substring(0, dot)).appendProperty(key.substring(dot + 1));
        }
        return at.appendProperty(key);
    }

    private static Map<String, String> flat(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Map<String, String> nested(Map<String, Map<String, String>> map) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((group, entries) -> {
                if (entries != null) {
                    entries.forEach((k, v) -> flat.put(group + "." + k, v));
                }
            });
        }
        return flat;
    }

    /** The language codes the files of a rule book name (i18n/&lt;code&gt;.yaml), and English always. */
    static Set<String> codes(Collection<String> files) {
        Set<String> codes = new java.util.TreeSet<>(Set.of(ENGLISH));
        files.stream().filter(n -> n.startsWith(FOLDER) && (n.endsWith(".yaml") || n.endsWith(".yml")) && n.indexOf('/', FOLDER.length()) < 0)
                .forEach(n -> codes.add(n.substring(FOLDER.length(), n.lastIndexOf('.'))));
        return codes;
    }

    /** The languages the rule book speaks, by code: English always, with or without a file. */
    public Collection<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(ENGLISH);
        codes.addAll(languages.keySet());
        return codes;
    }

    /** A language by code; English without a file is the rule book's own words, unreviewed wording never arises. */
    public Language language(String code) {
        Language language = languages.get(code);
        if (language == null && ENGLISH.equals(code)) {
            return new Language(ENGLISH, "English", true, Map.of());
        }
        return language;
    }

    /** The text of {@code key} in {@code code}, else in English, else the rule book's own words, else null. */
    public String text(String code, String key) {
        for (String c : List.of(code == null ? ENGLISH : code, ENGLISH)) {
            Language language = languages.get(c);
            String text = language == null ? null : language.texts().get(key);
            if (text != null) {
                return text;
            }
        }
        return source.get(key);
    }

    /** The text of {@code key}, or {@code fallback} when no language and no rule file has one. */
    public String text(String code, String key, String fallback) {
        String text = text(code, key);
        return text == null ? fallback : text;
    }

    /**
     * The language to answer in: {@code requested} (a ?lang= value or Accept-Language tags, best first) matched by
     * its primary subtag; English when none matches.
     */
    public String choose(List<String> requested) {
        for (String tag : requested) {
            String primary = tag == null ? "" : tag.toLowerCase(Locale.ROOT).split("[-_;]")[0].strip();
            if (codes().contains(primary)) {
                return primary;
            }
        }
        return ENGLISH;
    }

    /** Every key a language may translate that starts with {@code prefix}. */
    public List<String> keys(String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** Per language, the keys it has no text for (English: those with no text in the rule book either). */
    public Map<String, List<String>> untranslated() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String code : codes()) {
            Language language = language(code);
            List<String> keys = new ArrayList<>();
            for (String key : this.keys) {
                boolean has = language.texts().containsKey(key) || code.equals(ENGLISH) && source.get(key) != null;
                if (!has) {
                    keys.add(key);
                }
            }
            missing.put(code, List.copyOf(keys));
        }
        return missing;
    }

    static Translations none() {
        return new Translations(Map.of(), Map.of(), Set.of());
    }
}
