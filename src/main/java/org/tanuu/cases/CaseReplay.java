package org.tanuu.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tanuu.identify.Evaluation;
import org.tanuu.identify.EvaluationLimitException;
import org.tanuu.identify.Identification;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.InterviewReader;
import org.tanuu.identify.InvalidRequestException;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleInfo;
import org.tanuu.rulebook.SampleCase;

/** Replays sample cases against a rule book and says, in words, where the outcome differs from the expectation. */
public final class CaseReplay {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Daemon threads, so a command-line run still exits. */
    private static final ExecutorService REPLAYERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "sample-case-replay");
                t.setDaemon(true);
                return t;
            });

    private CaseReplay() {
    }

    /**
     * One case replayed: the live result (null if its answers are invalid or the evaluation ran away), the differences
     * from its expectation, and the runaway evaluation if there was one.
     */
    public record Outcome(String id, String name, Identification result, List<String> differences,
                          @JsonIgnore EvaluationLimitException runaway) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    public record Failure(String id, String name, List<String> differences) {
    }

    public record Report(int total, int passed, List<Failure> failed) {
    }

    /** A sample case whose outcome (decision, flags, findings, offence) one rule book changes against another, in words. */
    public record Change(String id, String file, List<String> changes) {
    }

    /** Replaying took longer than the rule book's budget ({@code Limits.replay}). */
    public static final class TooSlowException extends RuntimeException {
        TooSlowException(Duration budget) {
            super("the sample cases took longer than " + budget.toSeconds() + " s to replay", null, false, false);
        }
    }

    /** The cases replayed in both lists whose outcome differs; a case new to {@code after} is not a change. */
    public static List<Change> changes(List<Outcome> before, List<Outcome> after, RuleBook book) {
        Map<String, Outcome> earlier = new HashMap<>();
        before.forEach(o -> earlier.put(o.id(), o));
        List<Change> changes = new ArrayList<>();
        for (Outcome now : after) {
            Outcome then = earlier.get(now.id());
            if (then == null) {
                continue;
            }
            Map<String, String> was = outcome(then);
            Map<String, String> is = outcome(now);
            List<String> what = new ArrayList<>();
            is.forEach((part, value) -> {
                if (!Objects.equals(was.get(part), value)) {
                    what.add(part + ": " + was.get(part) + " -> " + value);
                }
            });
            if (!what.isEmpty()) {
                changes.add(new Change(now.id(), book.sampleCase(now.id()).file(), List.copyOf(what)));
            }
        }
        return List.copyOf(changes);
    }

    /** What a reviewer compares between two rule books: the decision, flags, findings and offence statuses. */
    private static Map<String, String> outcome(Outcome o) {
        Map<String, String> parts = new LinkedHashMap<>();
        Identification r = o.result();
        parts.put("decision", r == null ? "none (" + String.join("; ", o.differences()) + ")" : r.decision());
        parts.put("flags", r == null ? "[]" : new TreeSet<>(r.flags()).toString());
        parts.put("findings", r == null ? "[]" : new TreeSet<>(r.findings().stream().map(Evaluation.FindingView::id).toList()).toString());
        Map<String, String> offence = new TreeMap<>();
        if (r != null) {
            r.offence().forEach(v -> offence.put(v.rule(), v.status()));
        }
        parts.put("offence", offence.toString());
        return parts;
    }

    /** Rules that none of the replayed cases made fire, under the case's jurisdiction: a reviewer's list of untested law. */
    public static List<RuleInfo> neverFired(RuleBook book, List<Outcome> outcomes) {
        Set<String> fired = new HashSet<>();
        for (Outcome outcome : outcomes) {
            if (outcome.result() != null) {
                fired.addAll(outcome.result().firedRuleIds());
            }
        }
        return book.rules().stream().filter(r -> !fired.contains(r.id())).toList();
    }

    public static Outcome replay(RuleBook book, SampleCase sample) {
        Identification result;
        try {
            result = Identifier.identify(book, InterviewReader.read(request(sample), book));
        } catch (InvalidRequestException e) {
            return new Outcome(sample.id(), sample.name(), null, e.errors().stream()
                    .map(err -> "invalid interview: " + err.field() + ": " + err.message()).toList(), null);
        } catch (EvaluationLimitException e) {
            return new Outcome(sample.id(), sample.name(), null, List.of(e.getMessage()), e);
        }
        return new Outcome(sample.id(), sample.name(), result, differences(sample.expect(), result), null);
    }

    /** The case as the interview a caller would send. */
    private static ObjectNode request(SampleCase sample) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jurisdiction", sample.jurisdiction());
        request.put("reference", "case:" + sample.id());
        request.set("answers", sample.answers().deepCopy());
        return request;
    }

    /** Every sample case of the rule book, replayed once, within the rule book's time budget (else {@link TooSlowException}). */
    public static List<Outcome> replayAll(RuleBook book) {
        return inParallel(book.cases(), sample -> replay(book, sample), book.limits().replay());
    }

    /** {@code work} on each case, side by side, in the caller's class loader (Drools finds its services through it). */
    private static <T> List<T> inParallel(List<SampleCase> cases, Function<SampleCase, T> work, Duration budget) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<CompletableFuture<T>> futures = cases.stream().map(sample -> CompletableFuture.supplyAsync(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return work.apply(sample);
            } finally {
                thread.setContextClassLoader(before);
            }
        }, REPLAYERS)).toList();
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(true));
            throw new TooSlowException(budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooSlowException(budget);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    public static Report report(List<Outcome> outcomes) {
        List<Failure> failed = outcomes.stream().filter(o -> !o.passed())
                .map(o -> new Failure(o.id(), o.name(), o.differences())).toList();
        return new Report(outcomes.size(), outcomes.size() - failed.size(), failed);
    }

    static List<String> differences(SampleCase.Expectation expect, Identification result) {
        List<String> differences = new ArrayList<>();
        compare(differences, "decision", expect.decision(), result.decision());
        expect.jurisdictions().forEach((code, decision) -> {
            Identification.Summary summary = result.jurisdictions().get(code);
            compare(differences, "jurisdictions." + code + ".decision", decision, summary == null ? null : summary.decision());
        });
        if (expect.flags() != null) {
            compare(differences, "flags", new TreeSet<>(expect.flags()).toString(), new TreeSet<>(result.flags()).toString());
        }
        if (expect.findings() != null) {
            compare(differences, "findings", new TreeSet<>(expect.findings()).toString(),
                    new TreeSet<>(result.findings().stream().map(Evaluation.FindingView::id).toList()).toString());
        }
        if (expect.offence() != null) {
            Map<String, String> offence = new TreeMap<>();
            result.offence().forEach(o -> offence.put(o.rule(), o.status()));
            compare(differences, "offence", new TreeMap<>(expect.offence()).toString(), offence.toString());
        }
        expect.elements().forEach((element, status) -> {
            Evaluation.ElementView view = result.elements().get(element);
            compare(differences, "elements." + element + ".status", status, view == null ? null : view.status());
        });
        List<String> fired = result.firedRuleIds();
        for (String id : expect.fired()) {
            if (!fired.contains(id)) {
                differences.add("fired: expected rule " + id + " to fire; it did not");
            }
        }
        for (String id : expect.notFired()) {
            if (fired.contains(id)) {
                differences.add("notFired: expected rule " + id + " not to fire; it did");
            }
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            differences.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
