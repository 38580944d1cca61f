package org.tanuu.identify;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.time.SessionPseudoClock;
import org.tanuu.facts.Answer;
import org.tanuu.facts.Child;
import org.tanuu.facts.CountedAge;
import org.tanuu.facts.Decision;
import org.tanuu.facts.EventsDate;
import org.tanuu.facts.Finding;
import org.tanuu.facts.Offence;
import org.tanuu.facts.OffenceElement;
import org.tanuu.facts.OffenceStatus;
import org.tanuu.facts.ElementStatus;
import org.tanuu.facts.Flag;
import org.tanuu.facts.Indicator;
import org.tanuu.facts.InterviewDate;
import org.tanuu.facts.Missing;
import org.tanuu.facts.Question;
import org.tanuu.facts.Required;
import org.tanuu.facts.Stated;
import org.tanuu.facts.Vocabulary;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleInfo;

/**
 * Runs an interview through one jurisdiction's rule book and reads the conclusions back. It decides nothing:
 * every conclusion is a fact that a rule inserted.
 */
public final class Evaluator {
    /**
     * The session clock is set to the day of the events, so date-effective / date-expires pick the law then. Not
     * thread-safe: a session comes from the pool to one evaluation on one thread and goes back when it is disposed,
     * so Drools' locks and concurrent propagation queue only cost (ThreadSafeOption).
     */
    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private Evaluator() {
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    public static Evaluation evaluate(RuleBook book, Interview interview, String jurisdiction) {
        // A pooled session: dispose() below resets it (facts, agenda, listeners) and returns it to the pool.
        KieSession session = book.sessions(jurisdiction).newKieSession(PSEUDO_CLOCK);
        try {
            // Noon of the events day, so a rule effective from that day applies on it. A reused session's clock
            // still shows its last interview's day: move it by the difference.
            long eventsTime = interview.eventsDate().atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            SessionPseudoClock clock = session.getSessionClock();
            clock.advanceTime(eventsTime - clock.getCurrentTime(), TimeUnit.MILLISECONDS);

            List<Evaluation.TraceEntry> trace = new ArrayList<>();
            Map<Rule, Integer> firings = new IdentityHashMap<>(); // a rule's hashCode hashes its name
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Rule rule = event.getMatch().getRule();
                    firings.merge(rule, 1, Integer::sum);
                    trace.add(traceEntry(book, rule, event.getMatch().getObjects()));
                }
            });
            book.constants(jurisdiction, interview.eventsDate()).forEach(session::insert);
            for (Answer answer : interview.answers().values()) {
                session.insert(answer.readAs(book.question(answer.question(), jurisdiction)));
            }
            session.insert(new EventsDate(interview.answers().containsKey(Interview.EVENTS_DATE) ? interview.eventsDate() : null));
            session.insert(new InterviewDate(interview.interviewDate()));
            for (int i = Vocabulary.LAYERS.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(Vocabulary.LAYERS.get(i)).setFocus(); // a stack: the first group ends on top
            }
            int limit = book.limits().firings();
            if (session.fireAllRules(limit) >= limit) {
                throw limitReached(book, jurisdiction, limit, firings);
            }
            return read(session, book, trace);
        } finally {
            session.dispose();
        }
    }

    private static EvaluationLimitException limitReached(RuleBook book, String jurisdiction, int limit, Map<Rule, Integer> firings) {
        Map.Entry<Rule, Integer> most = firings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        RuleInfo info = book.rule(most.getKey());
        return info == null
                ? new EvaluationLimitException(jurisdiction, limit, most.getKey().getName(), null, 0, most.getValue())
                : new EvaluationLimitException(jurisdiction, limit, info.id(), info.file(), info.line(), most.getValue());
    }

    private static Evaluation.TraceEntry traceEntry(RuleBook book, Rule rule, List<Object> objects) {
        RuleInfo info = book.rule(rule);
        Set<String> facts = new LinkedHashSet<>();
        for (Object o : objects) {
            if (o instanceof Answer a) {
                facts.add(a.question());
            } else if (o instanceof Indicator i) {
                facts.add(i.question());
            } else if (o instanceof CountedAge c) {
                facts.add(c.question());
            } else if (o instanceof Stated st) {
                facts.add(st.question());
            }
        }
        return info == null
                ? new Evaluation.TraceEntry(null, rule.getName(), null, null, null, 0, List.copyOf(facts))
                : new Evaluation.TraceEntry(info.id(), info.title(), info.citation(), info.source(), info.file(), info.line(),
                        List.copyOf(facts));
    }

    private static Evaluation read(KieSession session, RuleBook book, List<Evaluation.TraceEntry> trace) {
        Set<String> required = new TreeSet<>();
        Map<String, ElementStatus> statuses = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        List<Missing> missing = new ArrayList<>();
        Set<String> findings = new LinkedHashSet<>();
        List<Offence> offences = new ArrayList<>();
        List<OffenceElement> offenceElements = new ArrayList<>();
        Map<String, String> offenceStatuses = new LinkedHashMap<>();
        Decision decision = null;
        String childBasis = null;
        for (Object o : session.getObjects()) {
            if (o instanceof Required r) {
                required.add(r.element());
            } else if (o instanceof ElementStatus s) {
                statuses.put(s.element(), s);
            } else if (o instanceof Flag f) {
                flags.add(f.code());
            } else if (o instanceof Missing m) {
                missing.add(m);
            } else if (o instanceof Decision d) {
                decision = d;
            } else if (o instanceof Child c) {
                childBasis = c.basis();
            } else if (o instanceof Finding f) {
                findings.add(f.rule());
            } else if (o instanceof Offence f) {
                offences.add(f);
            } else if (o instanceof OffenceElement e) {
                offenceElements.add(e);
            } else if (o instanceof OffenceStatus st) {
                offenceStatuses.put(st.offence(), st.status());
            }
        }
        Map<String, Evaluation.ElementView> elements = new LinkedHashMap<>();
        for (String element : Vocabulary.ELEMENTS) {
            ElementStatus s = statuses.get(element);
            elements.put(element, s == null
                    ? new Evaluation.ElementView(null, required.contains(element), 0, List.of()) // no rule concluded
                    : new Evaluation.ElementView(s.status(), required.contains(element), s.score(), s.evidence()));
        }
        boolean child = childBasis != null;
        return new Evaluation(decision == null ? null : decision.value(), // null only if the rule book has no decision rule
                decision == null ? 0 : decision.score(), child, childBasis, elements, List.copyOf(flags),
                missingQuestions(book, missing, child), findings(book, findings),
                offences(book, offences, offenceElements, offenceStatuses), List.copyOf(trace));
    }

    /** Each offence in rule-book order of the rules that raise it, its elements in the order ACT, MEANS, PURPOSE. */
    private static List<Evaluation.OffenceView> offences(RuleBook book, List<Offence> offences, List<OffenceElement> elements,
                                                         Map<String, String> statuses) {
        if (offences.isEmpty()) {
            return List.of();
        }
        List<Offence> ordered = new ArrayList<>();
        for (Offence offence : offences) {
            if (book.ruleOrder(offence.rule()) >= 0) { // raised by a rule of the catalogue
                ordered.add(offence);
            }
        }
        ordered.sort(Comparator.comparingInt(o -> book.ruleOrder(o.rule()))); // stable: one rule's offences as found
        List<Evaluation.OffenceView> views = new ArrayList<>();
        for (Offence offence : ordered) {
            RuleInfo rule = book.rules().get(book.ruleOrder(offence.rule()));
            Map<String, Evaluation.OffenceElementView> stated = new LinkedHashMap<>();
            for (String element : Vocabulary.OFFENCE_ELEMENTS) {
                List<OffenceElement> found = elements.stream()
                        .filter(e -> e.offence().equals(offence.rule()) && e.element().equals(element)).toList();
                if (!found.isEmpty()) {
                    stated.put(element, new Evaluation.OffenceElementView(found.get(0).status(),
                            found.stream().map(OffenceElement::rule).distinct().toList()));
                }
            }
            views.add(new Evaluation.OffenceView(offence.article(), offence.edition(), statuses.get(offence.rule()),
                    stated, rule.id(), rule.citation()));
        }
        return List.copyOf(views);
    }

    /** Each finding as the rule that makes it: id, title, citation; in rule-book order. */
    private static List<Evaluation.FindingView> findings(RuleBook book, Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ids.stream().filter(id -> book.ruleOrder(id) >= 0).sorted(Comparator.comparingInt(book::ruleOrder))
                .map(id -> book.rules().get(book.ruleOrder(id)))
                .map(r -> new Evaluation.FindingView(r.id(), r.title(), r.citation())).toList();
    }

    /** Law questions first, then indicators strongest first (for this person's profile), then the rest; in questionnaire order. */
    private static List<Evaluation.MissingQuestion> missingQuestions(RuleBook book, List<Missing> missing, boolean child) {
        if (missing.isEmpty()) {
            return List.of();
        }
        record Place(int question, int missing, Evaluation.MissingQuestion entry) {
        }
        List<Place> places = new ArrayList<>();
        for (int m = 0; m < missing.size(); m++) {
            for (String id : new LinkedHashSet<>(missing.get(m).questions())) {
                int order = book.questionOrder(id);
                if (order >= 0) {
                    Question q = book.questionnaire().get(id);
                    places.add(new Place(order, m, new Evaluation.MissingQuestion(q.id(), missing.get(m).element(), q.basis(),
                            q.strengthFor(child))));
                }
            }
        }
        places.sort(Comparator.<Place>comparingInt(p -> weight(p.entry())).thenComparingInt(Place::question)
                .thenComparingInt(Place::missing));
        return places.stream().map(Place::entry).toList();
    }

    private static int weight(Evaluation.MissingQuestion q) {
        if (Question.LAW.equals(q.basis())) {
            return 0;
        }
        int strength = q.strength() == null ? -1 : Vocabulary.STRENGTHS.indexOf(q.strength());
        return strength < 0 ? Vocabulary.STRENGTHS.size() + 1 : strength + 1;
    }
}
