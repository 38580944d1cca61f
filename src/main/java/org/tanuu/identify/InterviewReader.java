package org.tanuu.identify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanuu.facts.Answer;
import org.tanuu.facts.Question;
import org.tanuu.rulebook.RuleBook;

/**
 * Reads and validates an interview against the rule book's questionnaire. Every offending field is
 * reported at once; nothing is dropped silently. Error messages never quote free text from the request.
 */
public final class InterviewReader {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final String DEFAULT_JURISDICTION = "PALERMO";
    static final Set<String> YESNO = Set.of("YES", "NO", "UNKNOWN", "DECLINED");
    private static final Set<String> FIELDS = Set.of("jurisdiction", "reference", "answers");
    private static final int MAX_REFERENCE = 200;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InterviewReader() {
    }

    /** Parses a request body; malformed JSON and oversized bodies are refused before anything else. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException(List.of(new FieldError("body", "empty body: expected a JSON object")));
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException(413, List.of(new FieldError("body",
                    "request body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES)));
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadRequestException(List.of(new FieldError("body", "malformed JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new BadRequestException(List.of(new FieldError("body", "unreadable body")));
        }
    }

    public static Interview read(JsonNode request, RuleBook book) {
        return read(request, book, "");
    }

    /** {@code prefix} names where the interview sits in a larger request, e.g. "interview.". */
    public static Interview read(JsonNode request, RuleBook book, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || !request.isObject()) {
            throw new BadRequestException(List.of(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "expected a JSON object with jurisdiction, reference and answers")));
        }
        request.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(prefix + name, "unknown field; expected one of " + FIELDS.stream().sorted().toList()));
            }
        });

        String jurisdiction = DEFAULT_JURISDICTION;
        JsonNode j = request.get("jurisdiction");
        if (j != null && !j.isNull()) {
            if (!j.isTextual() || !book.jurisdictions().containsKey(j.asText())) {
                errors.add(new FieldError(prefix + "jurisdiction", "unknown jurisdiction; expected one of " + book.jurisdictions().keySet()));
            } else {
                jurisdiction = j.asText();
            }
        }

        String reference = null;
        JsonNode r = request.get("reference");
        if (r != null && !r.isNull()) {
            if (!r.isTextual() || r.asText().length() > MAX_REFERENCE) {
                errors.add(new FieldError(prefix + "reference", "expected a string of at most " + MAX_REFERENCE + " characters"));
            } else {
                reference = r.asText();
            }
        }

        Map<String, Answer> answers = new LinkedHashMap<>();
        JsonNode a = request.get("answers");
        if (a == null || a.isNull()) {
            errors.add(new FieldError(prefix + "answers", "required: an object of question id to answer"));
        } else if (!a.isObject()) {
            errors.add(new FieldError(prefix + "answers", "expected an object of question id to answer"));
        } else {
            a.fields().forEachRemaining(e -> {
                Answer answer = answer(book, e.getKey(), e.getValue(), prefix + "answers." + e.getKey(), errors);
                if (answer != null) {
                    answers.put(e.getKey(), answer);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Answer date = answers.get("case.eventsDate");
        return new Interview(jurisdiction, reference, answers, date == null ? LocalDate.now() : date.getDate());
    }

    /** One answer checked against its question's kind; null (and an error) when it does not fit. */
    private static Answer answer(RuleBook book, String id, JsonNode value, String field, List<FieldError> errors) {
        Question question = book.questionnaire().get(id);
        if (question == null) {
            errors.add(new FieldError(field, "unknown question id"));
            return null;
        }
        if (value.isNull()) {
            return null; // explicitly not answered: the same as absent, i.e. UNKNOWN
        }
        switch (question.getKind()) {
            case "yesno" -> {
                if (value.isTextual() && YESNO.contains(value.asText())) {
                    return new Answer(id, value.asText(), null, null);
                }
                errors.add(new FieldError(field, "expected one of [YES, NO, UNKNOWN, DECLINED]"));
            }
            case "enum" -> {
                if (value.isTextual() && question.getValues().contains(value.asText())) {
                    return new Answer(id, value.asText(), null, null);
                }
                errors.add(new FieldError(field, "expected one of " + question.getValues()));
            }
            case "int" -> {
                int min = question.getMin() == null ? Integer.MIN_VALUE : question.getMin();
                int max = question.getMax() == null ? Integer.MAX_VALUE : question.getMax();
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    errors.add(new FieldError(field, "expected a whole number"));
                } else if (value.asInt() < min || value.asInt() > max) {
                    errors.add(new FieldError(field, "expected a whole number from " + min + " to " + max));
                } else {
                    return new Answer(id, value.asText(), value.asInt(), null);
                }
            }
            case "date" -> {
                try {
                    LocalDate date = LocalDate.parse(value.asText());
                    if (!value.isTextual() || date.isAfter(LocalDate.now())) {
                        errors.add(new FieldError(field, "expected a date (YYYY-MM-DD) not in the future"));
                    } else {
                        return new Answer(id, value.asText(), null, date);
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(field, "expected a date (YYYY-MM-DD)"));
                }
            }
            default -> errors.add(new FieldError(field, "question has an unsupported kind"));
        }
        return null;
    }
}
