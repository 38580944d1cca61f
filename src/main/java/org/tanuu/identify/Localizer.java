package org.tanuu.identify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.Translations;

/**
 * An identification in the language asked for: rule and finding titles translated (citations stay as written), and
 * the texts of every label, question and flag it names. Each entry falls back to English, then to the rule book.
 */
public final class Localizer {
    private Localizer() {
    }

    public static Identification localize(Identification id, RuleBook book, String language) {
        Translations t = book.translations();
        Translations.Language lang = t.language(language);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : keys(id, t)) {
            String text = t.text(language, key);
            if (text != null) {
                texts.put(key, text);
            }
        }
        List<Evaluation.TraceEntry> trace = id.trace().stream().map(e -> new Evaluation.TraceEntry(e.id(),
                t.text(language, "rules." + e.id(), e.title()), e.citation(), e.source(), e.file(), e.line(), e.facts())).toList();
        List<Evaluation.FindingView> findings = id.findings().stream().map(f -> finding(f, t, language)).toList();
        Map<String, Identification.Summary> jurisdictions = new LinkedHashMap<>();
        id.jurisdictions().forEach((code, s) -> jurisdictions.put(code, new Identification.Summary(s.decision(), s.score(),
                s.elements(), s.flags(), s.findings().stream().map(f -> finding(f, t, language)).toList())));
        return new Identification(id.decision(), id.score(), id.jurisdiction(), id.reference(), id.child(), id.childBasis(),
                id.elements(), jurisdictions, id.offence(), id.flags(), findings, id.missing(), trace, id.rulebook(),
                new Identification.Language(lang.code(), lang.name(), !lang.reviewed()), texts);
    }

    private static Evaluation.FindingView finding(Evaluation.FindingView f, Translations t, String language) {
        return new Evaluation.FindingView(f.id(), t.text(language, "rules." + f.id(), f.title()), f.citation());
    }

    /** The keys of every text the identification refers to: every label and answer, its flags, the questions of its evidence and missing. */
    private static List<String> keys(Identification id, Translations t) {
        Set<String> keys = new LinkedHashSet<>(t.keys("labels."));
        keys.addAll(t.keys("values." + Translations.YESNO + "."));
        id.jurisdictions().values().forEach(s -> s.flags().forEach(f -> {
            keys.add("flags." + f + ".title");
            keys.add("flags." + f + ".next");
        }));
        id.elements().values().forEach(e -> e.evidence().forEach(q -> keys.add("questions." + q)));
        id.missing().forEach(m -> keys.add("questions." + m.question()));
        return List.copyOf(keys);
    }
}
