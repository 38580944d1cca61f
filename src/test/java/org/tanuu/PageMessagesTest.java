package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trainers' page's own words, read from its files without a browser: every message table has every key of the
 * English one (with the plural forms its language needs and the same placeholders), every key the page uses is in
 * the English table, and no page module or index.html holds a user-visible English literal that bypasses the tables.
 */
class PageMessagesTest {
    static final Path PAGE = Path.of("src/main/resources/META-INF/resources");
    static final Path MESSAGES = PAGE.resolve("modules/messages");
    /** CLDR plural categories of each language the page has a table for, as Intl.PluralRules gives them. */
    static final Map<String, List<String>> PLURALS = Map.of(
            "en", List.of("one", "other"), "ru", List.of("one", "few", "many", "other"),
            "ky", List.of("one", "other"), "kk", List.of("one", "other"));
    static final Pattern PLURAL_KEY = Pattern.compile("^(.+)\\.(zero|one|two|few|many|other)$");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)\\}");
    /** Words that mark a phrase as English; with the words of the English table's values they catch a literal. */
    static final Set<String> COMMON = Set.of("the", "a", "an", "of", "to", "is", "are", "was", "not", "no", "and", "or", "for",
            "by", "in", "on", "with", "this", "that", "from", "under", "before", "after", "none", "yes");
    /** Names and protocol words a module may write as they are. */
    static final Set<String> ALLOWED = Set.of("Tanuu", "Accept", "Content-Type", "JavaScript");

    static Map<String, String> table(String code) {
        try {
            String text = Files.readString(MESSAGES.resolve(code + ".js"));
            int start = text.indexOf("\nexport default") + 1;
            assertTrue(start > 0, code + ".js exports its table as default, at the start of a line");
            String body = text.substring(start + "export default".length()).strip();
            body = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
            return JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build()
                    .readValue(body, new TypeReference<LinkedHashMap<String, String>>() {
                    });
        } catch (IOException e) {
            throw new AssertionError(code + ".js is not a table of strings: " + e.getMessage(), e);
        }
    }

    static List<String> codes() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    static List<Path> modules() throws IOException {
        List<Path> out = new ArrayList<>(List.of(PAGE.resolve("app.js")));
        try (Stream<Path> files = Files.list(PAGE.resolve("modules"))) {
            files.filter(p -> p.toString().endsWith(".js")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void everyLanguageTableHasEveryKeyOfTheEnglishOneWithItsPluralFormsAndPlaceholders() throws IOException {
        Map<String, String> en = table("en");
        assertEquals(Set.of("en", "kk", "ky", "ru"), Set.copyOf(codes()), "a table per language of the page");
        for (String code : codes()) {
            Map<String, String> table = table(code);
            List<String> problems = new ArrayList<>();
            Set<String> expected = new TreeSet<>();
            for (String key : en.keySet()) {
                Matcher m = PLURAL_KEY.matcher(key);
                if (m.matches()) {
                    PLURALS.get(code).forEach(form -> expected.add(m.group(1) + "." + form));
                } else {
                    expected.add(key);
                }
            }
            for (String key : expected) {
                if (!table.containsKey(key) || table.get(key).isBlank()) {
                    problems.add("missing " + key);
                } else {
                    String english = en.getOrDefault(key, en.get(PLURAL_KEY.matcher(key).replaceFirst("$1.other")));
                    if (!placeholders(english).equals(placeholders(table.get(key)))) {
                        problems.add(key + " has placeholders " + placeholders(table.get(key)) + ", English " + placeholders(english));
                    }
                }
            }
            table.keySet().stream().filter(k -> !expected.contains(k)).forEach(k -> problems.add("no such key in en.js: " + k));
            assertEquals(List.of(), problems, "modules/messages/" + code + ".js");
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyKeyThePageUsesIsInTheEnglishTable() throws IOException {
        Map<String, String> en = table("en");
        List<String> missing = new ArrayList<>();
        Pattern call = Pattern.compile("\\bt\\(\\s*(?:[^'`()]*\\?\\s*)?'([a-zA-Z.]+)'(?:\\s*:\\s*'([a-zA-Z.]+)')?"
                + "|\\btn\\(\\s*'([a-zA-Z.]+)'|\\bt\\(\\s*`([a-zA-Z.]+)\\$\\{");
        for (Path module : modules()) {
            Matcher m = call.matcher(Files.readString(module));
            while (m.find()) {
                for (int g : new int[] {1, 2}) {
                    if (m.group(g) != null && !en.containsKey(m.group(g))) {
                        missing.add(module.getFileName() + ": " + m.group(g));
                    }
                }
                if (m.group(3) != null && !(en.containsKey(m.group(3) + ".one") && en.containsKey(m.group(3) + ".other"))) {
                    missing.add(module.getFileName() + ": " + m.group(3) + ".one/.other");
                }
                if (m.group(4) != null && en.keySet().stream().noneMatch(k -> k.startsWith(m.group(4)))) {
                    missing.add(module.getFileName() + ": " + m.group(4) + "*");
                }
            }
        }
        Matcher html = Pattern.compile("data-i18n(?:-aria)?=\"([^\"]+)\"").matcher(Files.readString(PAGE.resolve("index.html")));
        while (html.find()) {
            if (!en.containsKey(html.group(1))) {
                missing.add("index.html: " + html.group(1));
            }
        }
        assertEquals(List.of(), missing, "keys the page uses that modules/messages/en.js lacks");
    }

    @Test
    void noPageModuleWritesAnEnglishLiteralOfItsOwn() throws IOException {
        Set<String> english = englishWords(table("en"));
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Path module : modules()) {
            List<String> bad = stringLiterals(Files.readString(module)).stream().filter(s -> looksEnglish(s, english)).toList();
            if (!bad.isEmpty()) {
                found.put(module.getFileName().toString(), bad);
            }
        }
        assertEquals(Map.of(), found, "user-visible English written in a module instead of through modules/messages/");
    }

    @Test
    void indexHtmlHoldsNoTextOfItsOwnEveryWordComesFromTheTables() throws IOException {
        String html = Files.readString(PAGE.resolve("index.html"))
                .replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<(script|style|noscript)\\b.*?</\\1>", "");
        List<String> bad = new ArrayList<>();
        Matcher text = Pattern.compile(">([^<]+)<").matcher(html);
        while (text.find()) {
            String t = text.group(1).replaceAll("&[a-z]+;", " ").strip();
            if (t.matches("(?s).*[A-Za-z]{2,}.*") && !ALLOWED.contains(t)) {
                bad.add(t);
            }
        }
        Matcher attr = Pattern.compile("\\s(title|aria-label|placeholder|alt)=\"([^\"]*)\"").matcher(html);
        while (attr.find()) {
            if (attr.group(2).matches("(?s).*[A-Za-z]{2,}.*")) {
                bad.add(attr.group(1) + "=" + attr.group(2));
            }
        }
        assertEquals(List.of(), bad, "text in index.html not given by data-i18n");
    }

    /** The scan itself: it finds what a page module used to write, and leaves keys, classes and codes alone. */
    @Test
    void theLiteralScanFindsEnglishAndLeavesCodesAlone() {
        Set<String> english = englishWords(table("en"));
        String sample = """
                const a = h('li', { class: 'chip removed' }, tag('NEW'), ' ', 'No flags.');
                const b = `Score ${e.score}${x ? ` (was ${b})` : ''}`; // a comment: Not a literal
                const c = t('flags.none'), d = 'YES', e = 'q-note', f = "Go to the question", g = '\\u2014 not asked \\u2014';
                """;
        List<String> flagged = stringLiterals(sample).stream().filter(s -> looksEnglish(s, english)).toList();
        assertEquals(List.of("NEW", "No flags.", "Score ", " (was ", "Go to the question", "\\u2014 not asked \\u2014"), flagged);
    }

    static Set<String> englishWords(Map<String, String> en) {
        Set<String> words = new TreeSet<>(COMMON);
        en.values().forEach(v -> {
            for (String w : v.replaceAll("\\{[a-zA-Z]+\\}", " ").split("[^A-Za-z]+")) {
                if (w.length() >= 3) {
                    words.add(w.toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        return words;
    }

    /**
     * English meant for the screen: a capitalised English word ("Score", "No flags."), an English value of the table
     * in capitals ("NEW"), or a phrase with an English small word in it ("not asked", " (was "). Keys
     * ("flags.none"), class lists ("chip removed"), codes ("YES") and paths are none of these.
     */
    static boolean looksEnglish(String literal, Set<String> english) {
        String s = literal.replaceAll("\\\\u[0-9a-fA-F]{4}", " ");
        if (s.matches("[a-zA-Z]+(\\.[a-zA-Z${}]+)+") || s.endsWith(".js") || ALLOWED.contains(s.strip())) {
            return false;
        }
        List<String> words = Stream.of(s.split("[^A-Za-z]+")).filter(w -> !w.isEmpty()).toList();
        for (String w : words) {
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            boolean capitalised = w.length() >= 2 && Character.isUpperCase(w.charAt(0)) && w.substring(1).chars().allMatch(Character::isLowerCase);
            if (capitalised && english.contains(lower) && !ALLOWED.contains(w)) {
                return true;
            }
            if (w.length() >= 3 && w.equals(w.toUpperCase(java.util.Locale.ROOT)) && english.contains(lower)
                    && s.strip().equals(s.strip().toUpperCase(java.util.Locale.ROOT)) && s.strip().length() == w.length()
                    && !codeLike(w)) {
                return true;
            }
        }
        return s.contains(" ") && words.stream().anyMatch(w -> COMMON.contains(w.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The rule book's codes a module passes around: answers, elements, statuses, groups. */
    static boolean codeLike(String w) {
        return Set.of("YES", "NO", "UNKNOWN", "DECLINED", "ACT", "MEANS", "PURPOSE", "CONTEXT", "MET", "NOT", "ESTABLISHED",
                "INDICATED", "FOUND", "INSUFFICIENT", "INFORMATION").contains(w);
    }

    /** The string literals of a script, comments left out; a template literal gives each of its literal parts. */
    static List<String> stringLiterals(String js) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = js.length();
        while (i < n) {
            char c = js.charAt(i);
            if (c == '/' && i + 1 < n && js.charAt(i + 1) == '/') {
                i = js.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && js.charAt(i + 1) == '*') {
                i = js.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                StringBuilder s = new StringBuilder();
                while (j < n && js.charAt(j) != c) {
                    if (js.charAt(j) == '\\' && j + 1 < n) {
                        s.append(js, j, j + 2);
                        j += 2;
                    } else {
                        s.append(js.charAt(j++));
                    }
                }
                out.add(s.toString());
                i = j + 1;
            } else if (c == '`') {
                i = template(js, i + 1, out);
            } else {
                i++;
            }
        }
        return out.stream().filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    /** Reads a template literal from just after its backtick; returns the index after its closing backtick. */
    private static int template(String js, int i, List<String> out) {
        StringBuilder part = new StringBuilder();
        int n = js.length();
        while (i < n && js.charAt(i) != '`') {
            if (js.charAt(i) == '\\' && i + 1 < n) {
                part.append(js, i, i + 2);
                i += 2;
            } else if (js.startsWith("${", i)) {
                out.add(part.toString());
                part.setLength(0);
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    char c = js.charAt(i);
                    if (c == '`') {
                        i = template(js, i + 1, out);
                        continue;
                    }
                    if (c == '\'' || c == '"') {
                        int j = i + 1;
                        StringBuilder s = new StringBuilder();
                        while (j < n && js.charAt(j) != c) {
                            s.append(js.charAt(j));
                            j += js.charAt(j) == '\\' ? 2 : 1;
                        }
                        out.add(s.toString());
                        i = j + 1;
                        continue;
                    }
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    i++;
                }
            } else {
                part.append(js.charAt(i++));
            }
        }
        out.add(part.toString());
        return i + 1;
    }
}
