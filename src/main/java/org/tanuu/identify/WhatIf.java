package org.tanuu.identify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tanuu.rulebook.RuleBook;

/**
 * The trainers' what-if: an interview, some changed answers (null removes one), and both identifications with
 * what changed between them.
 */
public final class WhatIf {
    private static final Set<String> FIELDS = Set.of("interview", "changes");

    private WhatIf() {
    }

    public record Change<T>(T before, T after) {
    }

    public record SetChange(List<String> added, List<String> removed) {
        static SetChange of(List<String> before, List<String> after) {
            List<String> added = new ArrayList<>(new LinkedHashSet<>(after));
            added.removeAll(before);
            List<String> removed = new ArrayList<>(new LinkedHashSet<>(before));
            removed.removeAll(after);
            return new SetChange(added, removed);
        }
    }

    /** {@code offence}: each offence rule whose status changed, null on the side where it does not apply. */
    public record Changed(Change<String> decision, Map<String, Change<String>> elements,
                          Map<String, Change<String>> jurisdictions, Map<String, Change<String>> offence,
                          SetChange flags, SetChange findings, SetChange rules) {
    }

    public record Comparison(Identification before, Identification after, Changed changed) {
    }

    /** {@code request} is {@code {"interview": <an /identify request>, "changes": {question id: answer or null}}}. */
    public static Comparison compare(RuleBook book, JsonNode request) {
        checkEnvelope(request);
        JsonNode interview = request.get("interview");
        JsonNode changes = request.get("changes");
        List<FieldError> errors = new ArrayList<>(); // every bad field of both parts at once
        Interview before = null;
        try {
            before = InterviewReader.read(interview, book, "interview.");
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        errors.addAll(changeErrors(book, changes));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Interview after = InterviewReader.read(applied(interview, changes), book);
        Identification b = Identifier.identify(book, before);
        Identification a = Identifier.identify(book, after);
        return new Comparison(b, a, diff(b, a));
    }

    private static void checkEnvelope(JsonNode request) {
        if (!request.isObject()) {
            throw InvalidRequestException.of("body", "expected a JSON object with interview and changes");
        }
        List<FieldError> errors = new ArrayList<>();
        request.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field; expected one of [changes, interview]"));
            }
        });
        if (!request.path("interview").isObject()) {
            errors.add(new FieldError("interview", "required: an /identify request"));
        }
        if (!request.path("changes").isObject()) {
            errors.add(new FieldError("changes", "required: an object of question id to new answer (null removes it)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Each change checked on its own, as an answer to its question, named {@code changes.<question id>}. */
    private static List<FieldError> changeErrors(RuleBook book, JsonNode changes) {
        ObjectNode alone = JsonNodeFactory.instance.objectNode();
        alone.set("answers", changes.deepCopy());
        try {
            InterviewReader.read(alone, book, "changes.");
            return List.of();
        } catch (InvalidRequestException e) {
            return e.errors().stream()
                    .map(err -> new FieldError(err.field().replaceFirst("^changes\\.answers\\.", "changes."), err.message())).toList();
        }
    }

    /** The interview with the changes applied: a null change removes the answer. */
    private static JsonNode applied(JsonNode interview, JsonNode changes) {
        ObjectNode changed = interview.deepCopy();
        ObjectNode answers = (ObjectNode) changed.get("answers"); // an object: the interview was read without error
        changes.fields().forEachRemaining(change -> {
            if (change.getValue().isNull()) {
                answers.remove(change.getKey());
            } else {
                answers.set(change.getKey(), change.getValue());
            }
        });
        return changed;
    }

    static Changed diff(Identification before, Identification after) {
        Map<String, Change<String>> elements = new LinkedHashMap<>();
        before.elements().forEach((element, view) ->
                changeOf(view.status(), after.elements().get(element).status(), element, elements));
        Map<String, Change<String>> jurisdictions = new LinkedHashMap<>();
        before.jurisdictions().forEach((code, summary) ->
                changeOf(summary.decision(), after.jurisdictions().get(code).decision(), code, jurisdictions));
        Map<String, String> offenceBefore = offenceStatuses(before);
        Map<String, String> offenceAfter = offenceStatuses(after);
        Map<String, Change<String>> offence = new LinkedHashMap<>();
        Set<String> offenceRules = new LinkedHashSet<>(offenceBefore.keySet());
        offenceRules.addAll(offenceAfter.keySet());
        offenceRules.forEach(rule -> changeOf(offenceBefore.get(rule), offenceAfter.get(rule), rule, offence));
        return new Changed(Objects.equals(before.decision(), after.decision()) ? null : new Change<>(before.decision(), after.decision()),
                elements, jurisdictions, offence, SetChange.of(before.flags(), after.flags()),
                SetChange.of(findingIds(before), findingIds(after)), SetChange.of(before.firedRuleIds(), after.firedRuleIds()));
    }

    private static Map<String, String> offenceStatuses(Identification identification) {
        Map<String, String> statuses = new LinkedHashMap<>();
        identification.offence().forEach(o -> statuses.put(o.rule(), o.status()));
        return statuses;
    }

    private static List<String> findingIds(Identification identification) {
        return identification.findings().stream().map(Evaluation.FindingView::id).toList();
    }

    private static void changeOf(String before, String after, String key, Map<String, Change<String>> changes) {
        if (!Objects.equals(before, after)) {
            changes.put(key, new Change<>(before, after));
        }
    }
}
