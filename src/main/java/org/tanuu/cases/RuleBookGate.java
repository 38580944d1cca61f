package org.tanuu.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tanuu.identify.EvaluationLimitException;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookCompiler;
import org.tanuu.rulebook.RuleProblem;
import org.tanuu.rulebook.SampleCase;

/**
 * The one gate a rule book passes before it serves: at start-up, on every reload (live or manual) and in
 * {@code bin/validate-rules}, through this code alone. A rule book is accepted when it compiles within the sandbox
 * and every sample case meets its expectation; an edit that changes outcomes passes once the affected cases say so.
 * Every reason for a refusal is a {@link RuleProblem} with its place.
 */
public final class RuleBookGate {

    /**
     * The gate's answer: the rule book when accepted (null when not), the problems, every case replayed, and against
     * the rule book in service (if any) the cases whose outcome changed.
     */
    public record Verdict(RuleBook book, List<RuleProblem> problems, List<CaseReplay.Outcome> outcomes,
                          List<CaseReplay.Change> changes) {
        public boolean accepted() {
            return book != null;
        }

        /** The accepted rule book with its cases' outcomes: what the next check is measured against. */
        public InService inService() {
            return new InService(book, outcomes);
        }
    }

    /**
     * The rule book in service and the outcomes of its sample cases, replayed when it was accepted: the next check
     * compares with these instead of replaying the cases of a rule book that has not changed.
     */
    public record InService(RuleBook book, List<CaseReplay.Outcome> outcomes) {
    }

    private RuleBookGate() {
    }

    /** Compiles {@code folder} and replays its cases; {@code inService} (or null) is what the changes are measured against. */
    public static Verdict check(RuleBookCompiler compiler, Path folder, InService inService) {
        RuleBookCompiler.Result result = compiler.compile(folder);
        if (!result.ok()) {
            return new Verdict(null, result.problems(), List.of(), List.of());
        }
        RuleBook candidate = result.ruleBook();
        List<CaseReplay.Outcome> outcomes;
        try {
            outcomes = CaseReplay.replayAll(candidate);
        } catch (CaseReplay.TooSlowException e) {
            return new Verdict(null, List.of(new RuleProblem("cases/", 0, 0, e.getMessage()
                    + ": the rule book is refused (the limit is the setting tanuu.rules.replay-budget)")), List.of(), List.of());
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (CaseReplay.Outcome outcome : outcomes) {
            SampleCase sample = candidate.sampleCase(outcome.id());
            EvaluationLimitException runaway = outcome.runaway();
            if (runaway != null && runaway.file() != null && problems.stream().noneMatch(p -> p.file().equals(runaway.file())
                    && p.line() == runaway.line())) {
                problems.add(new RuleProblem(runaway.file(), runaway.line(), 0, "rule " + runaway.rule()
                        + " fires without end (replaying sample case " + outcome.id() + "): " + runaway.getMessage()));
            }
            outcome.differences().forEach(difference -> problems.add(new RuleProblem(sample.file(), sample.lineOf(difference), 0, difference)));
        }
        List<CaseReplay.Change> changes = List.of();
        if (inService != null && !inService.book().version().equals(candidate.version())) {
            changes = CaseReplay.changes(inService.outcomes(), outcomes, candidate);
        }
        return new Verdict(problems.isEmpty() ? candidate : null, List.copyOf(problems), outcomes, changes);
    }
}
