package org.tanuu.rulebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
import org.tanuu.facts.ElementQuestions;
import org.tanuu.facts.Question;

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
    /** The same catalogue entries by the compiled rule itself, read on every firing (the trace): no key to build. */
    private final Map<Rule, RuleInfo> rulesByRule = new IdentityHashMap<>();
    /** Each rule's position in {@link #rules} by @id, and each question's in the questionnaire: the orders answers keep. */
    private final Map<String, Integer> ruleOrder = new HashMap<>();
    private final Map<String, Integer> questionOrder = new HashMap<>();
    /** Each question as each jurisdiction reads it ({@link Question#under}), made once. */
    private final Map<String, Map<String, Question>> questionsUnder = new HashMap<>();
    private final List<SampleCase> cases;
    private final Bibliography bibliography;
    private final Parameters parameters;
    /** Each element's questions, by jurisdiction: the facts every evaluation starts from, with the parameters. */
    private final Map<String, List<ElementQuestions>> elementQuestions;
    /** {@link #constants}, by jurisdiction and the first day of a period in which no parameter changes. */
    private final Map<Period, List<Object>> constants = new ConcurrentHashMap<>();
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
        for (RuleBookCompiler.Built built : kieBases.values()) {
            for (KiePackage pkg : built.kieBase().getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    RuleInfo info = rulesByName.get(rule.getPackageName() + "/" + rule.getName());
                    if (info != null) {
                        rulesByRule.put(rule, info);
                    }
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id() != null) {
                ruleOrder.putIfAbsent(rules.get(i).id(), i);
            }
        }
        for (Question q : questionnaire.all()) {
            questionOrder.put(q.id(), questionOrder.size());
            for (String jurisdiction : declared.all().keySet()) {
                questionsUnder.computeIfAbsent(jurisdiction, j -> new HashMap<>()).put(q.id(), q.under(jurisdiction));
            }
        }
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

    /** A jurisdiction's period in which no parameter changes, by its first day (null: before every dated value). */
    private record Period(String jurisdiction, LocalDate from) {
    }

    /**
     * The facts an evaluation under {@code jurisdiction} of events on {@code eventsDate} starts from: the parameters in
     * force then for that jurisdiction, each element's questions as it reads them, and the ILO/EC dimensions.
     */
    public List<Object> constants(String jurisdiction, LocalDate eventsDate) {
        // Made once per jurisdiction and period of the parameters: an evaluation is a hot path.
        return constants.computeIfAbsent(new Period(jurisdiction, parameters.periodOf(jurisdiction, eventsDate)), key -> {
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

    /** The catalogue entry of a rule of one of this rule book's knowledge bases, as a firing names it. */
    public RuleInfo rule(Rule rule) {
        RuleInfo info = rulesByRule.get(rule);
        return info != null ? info : rule(rule.getPackageName(), rule.getName());
    }

    /** A rule's position in the rule book (the order of {@link #rules}), by @id; -1 for none. */
    public int ruleOrder(String id) {
        return ruleOrder.getOrDefault(id, -1);
    }

    /** A question's position in the questionnaire; -1 for none. */
    public int questionOrder(String id) {
        return questionOrder.getOrDefault(id, -1);
    }

    /** The question as {@code jurisdiction} reads it, made once ({@link Questionnaire#get(String, String)}), or null. */
    public Question question(String id, String jurisdiction) {
        Map<String, Question> under = questionsUnder.get(jurisdiction);
        return under == null ? questionnaire.get(id, jurisdiction) : under.get(id);
    }

    /** The catalogue entry of a compiled rule, by its DRL package and name. */
    public RuleInfo rule(String packageName, String name) {
        return rulesByName.get(packageName + "/" + name);
    }
}
