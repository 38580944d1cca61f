package org.tanuu.identify;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.kie.api.time.SessionPseudoClock;
import org.tanuu.facts.Answer;
import org.tanuu.facts.Child;
import org.tanuu.facts.CountedAge;
import org.tanuu.facts.Decision;
import org.tanuu.facts.ElementStatus;
import org.tanuu.facts.Flag;
import org.tanuu.facts.Indicator;
import org.tanuu.facts.Missing;
import org.tanuu.facts.Question;
import org.tanuu.facts.Required;
import org.tanuu.facts.Vocabulary;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleInfo;

/**
 * Runs an interview through one jurisdiction's rule book and reads the conclusions back. It decides nothing:
 * every conclusion is a fact that a rule inserted.
 */
public final class Evaluator {
    /**
     * The ruleflow groups, in the order they run: who the person is (child status), then the layers above the
     * answers (indicators, elements, decision), then the findings reported beside the decision.
     */
    static final List<String> GROUPS = List.of("person", "indicators", "elements", "decision", "flags");
    /** The session clock is set to the day of the events, so date-effective / date-expires pick the law then. */
    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private Evaluator() {
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        return conf;
    }

    public static Evaluation evaluate(RuleBook book, Interview interview, String jurisdiction) {
        KieSession session = book.kieBase(jurisdiction).newKieSession(PSEUDO_CLOCK, null);
        try {
            // Noon of the events day, so a rule effective from that day applies on it.
            long eventsTime = interview.eventsDate().atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            ((SessionPseudoClock) session.getSessionClock()).advanceTime(eventsTime, TimeUnit.MILLISECONDS);

            List<Evaluation.TraceEntry> trace = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    trace.add(traceEntry(book, event.getMatch().getRule(), event.getMatch().getObjects()));
                }
            });
            for (Question question : book.questionnaire().all()) {
                session.insert(question);
            }
            interview.answers().values().forEach(session::insert);
            for (int i = GROUPS.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(GROUPS.get(i)).setFocus(); // a stack: the first group ends on top
            }
            session.fireAllRules();
            return read(session, book, trace);
        } finally {
            session.dispose();
        }
    }

    private static Evaluation.TraceEntry traceEntry(RuleBook book, Rule rule, List<Object> objects) {
        RuleInfo info = book.rule(rule.getPackageName(), rule.getName());
        Set<String> facts = new LinkedHashSet<>();
        for (Object o : objects) {
            if (o instanceof Answer a) {
                facts.add(a.question());
            } else if (o instanceof Indicator i) {
                facts.add(i.question());
            } else if (o instanceof CountedAge c) {
                facts.add(c.question());
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
                missingQuestions(book, missing, child), List.copyOf(trace));
    }

    /** Strongest evidence first (for this person's profile), then in questionnaire order. */
    private static List<Evaluation.MissingQuestion> missingQuestions(RuleBook book, List<Missing> missing, boolean child) {
        List<Evaluation.MissingQuestion> questions = new ArrayList<>();
        for (Question q : book.questionnaire().all()) {
            for (Missing m : missing) {
                if (m.questions().contains(q.id())) {
                    questions.add(new Evaluation.MissingQuestion(q.id(), m.element(), q.strengthFor(child)));
                }
            }
        }
        questions.sort(Comparator.comparingInt(m -> Vocabulary.STRENGTHS.indexOf(m.strength())));
        return List.copyOf(questions);
    }
}
