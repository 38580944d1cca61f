package org.tanuu.identify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookService;

/**
 * POST /identify/compare, the trainers' what-if: an interview, some changed answers (null removes one), and
 * both decisions with what changed between them.
 */
@Path("/identify/compare")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CompareResource {

    @Inject
    RuleBookService ruleBooks;

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

    public record Changed(Change<String> decision, Map<String, Change<String>> elements,
                          Map<String, Change<String>> jurisdictions, SetChange flags, SetChange rules) {
    }

    public record Comparison(IdentifyResponse before, IdentifyResponse after, Changed changed) {
    }

    @POST
    public Comparison compare(byte[] body) {
        RuleBook book = ruleBooks.current();
        JsonNode request = InterviewReader.parse(body);
        List<FieldError> errors = new ArrayList<>();
        if (!request.isObject()) {
            throw new BadRequestException(List.of(new FieldError("body", "expected a JSON object with interview and changes")));
        }
        request.fieldNames().forEachRemaining(name -> {
            if (!Set.of("interview", "changes").contains(name)) {
                errors.add(new FieldError(name, "unknown field; expected one of [changes, interview]"));
            }
        });
        JsonNode interview = request.get("interview");
        JsonNode changes = request.get("changes");
        if (interview == null || !interview.isObject()) {
            errors.add(new FieldError("interview", "required: an /identify request"));
        }
        if (changes == null || !changes.isObject()) {
            errors.add(new FieldError("changes", "required: an object of question id to new answer (null removes it)"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Interview before = InterviewReader.read(interview, book, "interview.");
        ObjectNode changed = interview.deepCopy();
        JsonNode answers = changed.get("answers");
        changes.fields().forEachRemaining(change -> {
            if (book.questionnaire().get(change.getKey()) == null) {
                errors.add(new FieldError("changes." + change.getKey(), "unknown question id"));
            } else if (change.getValue().isNull()) {
                ((ObjectNode) answers).remove(change.getKey());
            } else {
                ((ObjectNode) answers).set(change.getKey(), change.getValue());
            }
        });
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Interview after;
        try {
            after = InterviewReader.read(changed, book);
        } catch (BadRequestException e) { // only a change can be wrong now: name it as one
            throw new BadRequestException(e.errors().stream()
                    .map(err -> new FieldError(err.field().replaceFirst("^answers\\.", "changes."), err.message())).toList());
        }
        IdentifyResponse b = IdentifyResponse.of(book, before);
        IdentifyResponse a = IdentifyResponse.of(book, after);
        return new Comparison(b, a, diff(b, a));
    }

    static Changed diff(IdentifyResponse before, IdentifyResponse after) {
        Map<String, Change<String>> elements = new LinkedHashMap<>();
        before.elements().forEach((element, view) -> {
            String now = after.elements().get(element).status();
            if (!Objects.equals(view.status(), now)) {
                elements.put(element, new Change<>(view.status(), now));
            }
        });
        Map<String, Change<String>> jurisdictions = new LinkedHashMap<>();
        before.jurisdictions().forEach((code, summary) -> {
            String now = after.jurisdictions().get(code).decision();
            if (!Objects.equals(summary.decision(), now)) {
                jurisdictions.put(code, new Change<>(summary.decision(), now));
            }
        });
        return new Changed(Objects.equals(before.decision(), after.decision()) ? null : new Change<>(before.decision(), after.decision()),
                elements, jurisdictions, SetChange.of(before.flags(), after.flags()),
                SetChange.of(before.firedRuleIds(), after.firedRuleIds()));
    }
}
