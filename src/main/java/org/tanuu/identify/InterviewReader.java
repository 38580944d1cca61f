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
import org.tanuu.facts.Vocabulary;
import org.tanuu.rulebook.RuleBook;

/**
 * Reads and validates an interview against the rule book's questionnaire. Every offending field is
 * reported at once; nothing is dropped silently. Error messages never quote free text from the request.
 */
public final class InterviewReader {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_REFERENCE = 200;
    /** The earliest date an answer may hold: no interview is about events before it (and the evaluation needs a sane range). */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final Set<String> FIELDS = Set.of("jurisdiction", "reference", "answers");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InterviewReader() {
    }

    /** Parses a request body; malformed JSON and oversized bodies are refused before anything else. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidRequestException.of("body", "empty body: expected a JSON object");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw InvalidRequestException.tooLarge("request body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw InvalidRequestException.of("body", "malformed JSON" + where); // Jackson's own wording stays out
        } catch (IOException e) {
            throw InvalidRequestException.of("body", "unreadable body");
        }
    }

    public static Interview read(JsonNode request, RuleBook book) {
        return read(request, book, "");
    }

    /** {@code prefix} names where the interview sits in a larger request, e.g. "interview.". */
    public static Interview read(JsonNode request, RuleBook book, String prefix) {
        if (request == null || !request.isObject()) {
            throw InvalidRequestException.of(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "expected a JSON object with jurisdiction, reference and answers");
        }
        List<FieldError> errors = new ArrayList<>();
        request.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(prefix + name, "unknown field; expected one of " + FIELDS.stream().sorted().toList()));
            }
        });
        String jurisdiction = jurisdiction(request.get("jurisdiction"), book, prefix, errors);
        String reference = reference(request.get("reference"), prefix, errors);
        Map<String, Answer> answers = answers(request.get("answers"), book, prefix, errors);
        if (errors.isEmpty()) {
            dates(answers, prefix, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Answer date = answers.get(Interview.EVENTS_DATE);
        Answer interviewed = answers.get(Interview.INTERVIEW_DATE);
        return new Interview(jurisdiction, reference, answers, date == null ? LocalDate.now() : date.date(),
                interviewed == null ? LocalDate.now() : interviewed.date());
    }

    /**
     * The ages and dates must fit together: no age at the events above the age now, no events after the interview, and
     * no events before the person's earliest possible birthday (the interview day less the age plus one years). An age
     * at the events that does not fit the dates is no error: the rules report it.
     */
    private static void dates(Map<String, Answer> answers, String prefix, List<FieldError> errors) {
        Answer age = answers.get(Interview.AGE);
        Answer ageAtEvents = answers.get(Interview.AGE_AT_EVENTS);
        Answer events = answers.get(Interview.EVENTS_DATE);
        Answer interviewed = answers.get(Interview.INTERVIEW_DATE);
        LocalDate interview = interviewed == null ? LocalDate.now() : interviewed.date();
        if (age != null && ageAtEvents != null && ageAtEvents.number() > age.number()) {
            errors.add(new FieldError(prefix + "answers." + Interview.AGE_AT_EVENTS,
                    "the age at the events is above the age at the interview (" + Interview.AGE + ")"));
        }
        if (events != null && events.date().isAfter(interview)) {
            errors.add(new FieldError(prefix + "answers." + Interview.EVENTS_DATE, "the events are dated after the interview ("
                    + (interviewed == null ? "today" : Interview.INTERVIEW_DATE) + ")"));
        } else if (events != null && age != null && events.date().isBefore(interview.minusYears(age.number() + 1L))) {
            errors.add(new FieldError(prefix + "answers." + Interview.EVENTS_DATE, "the events are dated before the person was born ("
                    + Interview.AGE + " at the " + (interviewed == null ? "interview today" : Interview.INTERVIEW_DATE) + ")"));
        }
    }

    private static String jurisdiction(JsonNode j, RuleBook book, String prefix, List<FieldError> errors) {
        if (j == null || j.isNull()) {
            return book.defaultJurisdiction();
        }
        if (!j.isTextual() || !book.jurisdictions().containsKey(j.asText())) {
            errors.add(new FieldError(prefix + "jurisdiction", "unknown jurisdiction; expected one of " + book.jurisdictions().keySet()));
            return null;
        }
        return j.asText();
    }

    private static String reference(JsonNode r, String prefix, List<FieldError> errors) {
        if (r == null || r.isNull()) {
            return null;
        }
        if (!r.isTextual() || r.asText().length() > MAX_REFERENCE) {
            errors.add(new FieldError(prefix + "reference", "expected a string of at most " + MAX_REFERENCE + " characters"));
            return null;
        }
        return r.asText();
    }

    private static Map<String, Answer> answers(JsonNode a, RuleBook book, String prefix, List<FieldError> errors) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (a == null || a.isNull()) {
            errors.add(new FieldError(prefix + "answers", "required: an object of question id to answer"));
        } else if (!a.isObject()) {
            errors.add(new FieldError(prefix + "answers", "expected an object of question id to answer"));
        } else {
            a.fields().forEachRemaining(e -> {
                String field = prefix + "answers." + e.getKey();
                Question question = book.questionnaire().get(e.getKey());
                if (question == null) {
                    errors.add(new FieldError(field, "unknown question id"));
                } else if (!e.getValue().isNull()) { // null: explicitly not answered, the same as absent (UNKNOWN)
                    try {
                        answers.put(e.getKey(), answer(question, e.getValue()));
                    } catch (IllegalArgumentException wrong) {
                        errors.add(new FieldError(field, wrong.getMessage()));
                    }
                }
            });
        }
        return answers;
    }

    /** One answer checked against its question's kind; the message of the exception says what was expected. */
    private static Answer answer(Question question, JsonNode value) {
        return switch (question.kind()) {
            case "yesno" -> choice(question, value, Vocabulary.YES_NO);
            case "enum" -> choice(question, value, question.values());
            case "int" -> number(question, value);
            case "date" -> date(question, value);
            default -> throw new IllegalArgumentException("question has an unsupported kind");
        };
    }

    private static Answer choice(Question question, JsonNode value, List<String> allowed) {
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            throw new IllegalArgumentException("expected one of " + allowed);
        }
        return new Answer(question.id(), value.asText(), null, null);
    }

    private static Answer number(Question question, JsonNode value) {
        int min = question.min() == null ? Integer.MIN_VALUE : question.min();
        int max = question.max() == null ? Integer.MAX_VALUE : question.max();
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("expected a whole number");
        }
        if (value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
        }
        return new Answer(question.id(), value.asText(), value.asInt(), null);
    }

    private static Answer date(Question question, JsonNode value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date (YYYY-MM-DD)");
        }
        if (!value.isTextual() || date.isBefore(EARLIEST_DATE) || date.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("expected a date (YYYY-MM-DD) from " + EARLIEST_DATE + " to today");
        }
        return new Answer(question.id(), value.asText(), null, date);
    }
}
