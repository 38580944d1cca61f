package org.tanuu.rulebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.tanuu.facts.ElementQuestions;

/**
 * One compiled, validated version of the rules folder. Immutable: a reload builds a new one and swaps it in,
 * so a request keeps the rule book it started with.
 */
public final class RuleBook {
    /**
     * Which rule book this is: {@code hash} of every file (what answers cite), {@code law} of the files that state
     * the law (what CHANGELOG.md follows), and {@code change}, the heading of the newest entry of CHANGELOG.md.
     */
    public record Version(String hash, String law, String change) {
    }

    private final Version version;
    private final Instant loadedAt;
    private final Questionnaire questionnaire;
    private final Jurisdiction.Declared declared;
    private final Map<String, RuleBookCompiler.Built> kieBases;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final List<SampleCase> cases;
    private final Bibliography bibliography;
    private final Parameters parameters;
    /** Each element's questions, by jurisdiction: the facts every evaluation starts from, with the parameters. */
    private final Map<String, List<ElementQuestions>> elementQuestions;
    /** {@link #constants}, by jurisdiction and the first day of a period in which no parameter changes. */
    private final Map<String, List<Object>> constants = new ConcurrentHashMap<>();
    private final Limits limits;
    private final Publication publication;

    RuleBook(Version version, Instant loadedAt, Questionnaire questionnaire, Jurisdiction.Declared declared,
             Map<String, RuleBookCompiler.Built> kieBases, List<RuleInfo> rules, List<SampleCase> cases, Bibliography bibliography,
             Parameters parameters, Limits limits, Publication publication) {
        this.version = version;
        this.publication = publication;
        this.limits = limits;
        this.loadedAt = loadedAt;
        this.questionnaire = questionnaire;
        this.declared = declared;
        this.kieBases = kieBases;
        this.rules = rules;
        this.cases = cases;
        this.bibliography = bibliography;
        this.parameters = parameters;
        this.elementQuestions = declared.all().keySet().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), questionnaire::byElement));
        this.rulesByName = rules.stream().collect(Collectors.toMap(r -> r.packageName() + "/" + r.name(), Function.identity()));
    }

    /** The same rule book, loaded again now: what a reload of unchanged files gives (nothing to parse or compile). */
    RuleBook reloaded(Instant at) {
        return new RuleBook(version, at, questionnaire, declared, kieBases, rules, cases, bibliography, parameters, limits, publication);
    }

    public String version() { return version.hash(); }
    public Version versionInFull() { return version; }
    public Instant loadedAt() { return loadedAt; }
    public Questionnaire questionnaire() { return questionnaire; }
    public Map<String, Jurisdiction> jurisdictions() { return declared.all(); }
    /** The rule book every decision is shown beside (jurisdictions.yaml, baseline). */
    public String baseline() { return declared.baseline(); }
    /** The rule book of a request that names none (jurisdictions.yaml, default). */
    public String defaultJurisdiction() { return declared.fallback(); }
    public KieBase kieBase(String jurisdiction) {
        RuleBookCompiler.Built built = kieBases.get(jurisdiction);
        return built == null ? null : built.kieBase();
    }
    /** Sessions of the jurisdiction's knowledge base, reused: {@code dispose()} resets one and returns it to the pool. */
    public KieSessionsPool sessions(String jurisdiction) { return kieBases.get(jurisdiction).sessions(); }
    public List<RuleInfo> rules() { return rules; }
    /** Warnings that reject nothing: a condition of two or more patterns written out in two rules. */
    public List<RuleProblem> warnings() { return CopiedConditions.in(rules); }
    public List<SampleCase> cases() { return cases; }
    public Bibliography bibliography() { return bibliography; }
    /** What an evaluation and a replay of this rule book may cost. */
    public Limits limits() { return limits; }
    public Parameters parameters() { return parameters; }

    /**
     * The facts an evaluation under {@code jurisdiction} of events on {@code eventsDate} starts from: the parameters in
     * force then for that jurisdiction, each element's questions as it reads them, and the ILO/EC dimensions.
     */
    public List<Object> constants(String jurisdiction, LocalDate eventsDate) {
        // Made once per jurisdiction and period of the parameters: an evaluation is a hot path.
        return constants.computeIfAbsent(jurisdiction + "@" + parameters.periodOf(jurisdiction, eventsDate), key -> {
            List<Object> facts = new ArrayList<>(parameters.facts(jurisdiction, eventsDate));
            facts.addAll(elementQuestions.get(jurisdiction));
            facts.addAll(questionnaire.dimensions());
            return List.copyOf(facts);
        });
    }

    /** The rule book in the screeners' languages. */
    public Translations translations() { return publication.translations(); }
    /** The HTCDS export mapping, or null when the rule book has none. */
    public HtcdsMapping htcds() { return publication.htcds(); }

    public SampleCase sampleCase(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** The catalogue entry of a compiled rule, by its DRL package and name. */
    public RuleInfo rule(String packageName, String name) {
        return rulesByName.get(packageName + "/" + name);
    }
}
