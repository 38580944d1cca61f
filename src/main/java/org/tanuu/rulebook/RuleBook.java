package org.tanuu.rulebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One compiled, validated version of the rules folder. Immutable: a reload builds a new one and swaps it in,
 * so a request keeps the rule book it started with.
 */
public final class RuleBook {
    private final String version;
    private final Instant loadedAt;
    private final Questionnaire questionnaire;
    private final Map<String, Jurisdiction> jurisdictions;
    private final Map<String, RuleBookCompiler.Built> kieBases;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final List<SampleCase> cases;
    private final Bibliography bibliography;
    private final List<Object> parameters;
    private final List<Object> constants;
    private final Limits limits;
    private final Publication publication;

    RuleBook(String version, Instant loadedAt, Questionnaire questionnaire, Map<String, Jurisdiction> jurisdictions,
             Map<String, RuleBookCompiler.Built> kieBases, List<RuleInfo> rules, List<SampleCase> cases, Bibliography bibliography, List<Object> parameters,
             Limits limits, Publication publication) {
        this.version = version;
        this.publication = publication;
        this.limits = limits;
        this.loadedAt = loadedAt;
        this.questionnaire = questionnaire;
        this.jurisdictions = jurisdictions;
        this.kieBases = kieBases;
        this.rules = rules;
        this.cases = cases;
        this.bibliography = bibliography;
        this.parameters = parameters;
        List<Object> constants = new ArrayList<>(parameters);
        constants.addAll(questionnaire.byElement());
        this.constants = List.copyOf(constants);
        this.rulesByName = rules.stream().collect(Collectors.toMap(r -> r.packageName() + "/" + r.name(), Function.identity()));
    }

    /** The same rule book, loaded again now: what a reload of unchanged files gives (nothing to parse or compile). */
    RuleBook reloaded(Instant at) {
        return new RuleBook(version, at, questionnaire, jurisdictions, kieBases, rules, cases, bibliography, parameters, limits, publication);
    }

    public String version() { return version; }
    public Instant loadedAt() { return loadedAt; }
    public Questionnaire questionnaire() { return questionnaire; }
    public Map<String, Jurisdiction> jurisdictions() { return jurisdictions; }
    public KieBase kieBase(String jurisdiction) {
        RuleBookCompiler.Built built = kieBases.get(jurisdiction);
        return built == null ? null : built.kieBase();
    }
    /** Sessions of the jurisdiction's knowledge base, reused: {@code dispose()} resets one and returns it to the pool. */
    public KieSessionsPool sessions(String jurisdiction) { return kieBases.get(jurisdiction).sessions(); }
    public List<RuleInfo> rules() { return rules; }
    public List<SampleCase> cases() { return cases; }
    public Bibliography bibliography() { return bibliography; }
    /** What an evaluation and a replay of this rule book may cost. */
    public Limits limits() { return limits; }
    /** The rule book in the screeners' languages. */
    public Translations translations() { return publication.translations(); }
    /** The HTCDS export mapping, or null when the rule book has none. */
    public HtcdsMapping htcds() { return publication.htcds(); }
    /** The facts every evaluation starts from: the legal parameters and each element's questions. */
    public List<Object> constants() { return constants; }

    public SampleCase sampleCase(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** The catalogue entry of a compiled rule, by its DRL package and name. */
    public RuleInfo rule(String packageName, String name) {
        return rulesByName.get(packageName + "/" + name);
    }
}
