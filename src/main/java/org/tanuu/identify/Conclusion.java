package org.tanuu.identify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tanuu.facts.Answer;
import org.tanuu.facts.ElementQuestions;
import org.tanuu.rulebook.Jurisdiction;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.Translations;

/**
 * The draft written conclusion (issue 18): everything the identifier signs, in one language, as plain text ready
 * to render. The decision, the elements and the flags are the rules'; this only puts them in words. Never logged.
 */
public record Conclusion(String language, boolean draftTranslation, Map<String, String> words, String reference,
                         String eventsDate, String preparedOn, String law, List<String> instruments, String ruleBook,
                         boolean child, String childBasis, List<ElementPart> elements, String decision,
                         List<LawPart> byLaw, List<FlagPart> flags, List<OffencePart> offence, List<MissingPart> missing,
                         List<RulePart> rules, Identifier identifier) {

    static final int MAX_TEXT = 200;
    private static final Set<String> FIELDS = Set.of("interview", "identifier");
    private static final Set<String> IDENTIFIER_FIELDS = Set.of("name", "organisation", "place");

    /** An element with the answers that establish or indicate it, or (when not found) rule it out, as question texts. */
    public record ElementPart(String name, String status, boolean required, List<AnswerPart> establishing, List<AnswerPart> rulingOut) {
    }

    public record AnswerPart(String id, String question, String answer) {
    }

    public record LawPart(String law, String decision) {
    }

    public record FlagPart(String code, String title, String next) {
    }

    public record OffencePart(String article, String edition, String status, String rule, String citation) {
    }

    public record MissingPart(String id, String question, String element) {
    }

    public record RulePart(String id, String title, String citation) {
    }

    /** Who identifies: the person who signs, their organisation and the place. */
    public record Identifier(String name, String organisation, String place) {
    }

    /** The request of POST /identify/conclusion: {@code {"interview": <an /identify request>, "identifier": {name, organisation, place}}}. */
    public record Request(Interview interview, Identifier identifier) {
    }

    public static Request read(JsonNode body, RuleBook book) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of("body", "expected a JSON object with interview and identifier");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError(f, "unknown field; expected one of " + FIELDS.stream().sorted().toList()));
            }
        });
        JsonNode who = body.get("identifier");
        Identifier identifier = null;
        if (who == null || !who.isObject()) {
            errors.add(new FieldError("identifier", "required: an object with name, organisation and place"));
        } else {
            who.fieldNames().forEachRemaining(f -> {
                if (!IDENTIFIER_FIELDS.contains(f)) {
                    errors.add(new FieldError("identifier." + f, "unknown field; expected one of " + IDENTIFIER_FIELDS.stream().sorted().toList()));
                }
            });
            identifier = new Identifier(text(who, "name", errors), text(who, "organisation", errors), text(who, "place", errors));
        }
        Interview interview = null;
        try {
            interview = InterviewReader.read(body.get("interview"), book, "interview.");
        } catch (InvalidRequestException e) {
            errors.addAll(0, e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Request(interview, identifier);
    }

    private static String text(JsonNode who, String field, List<FieldError> errors) {
        JsonNode v = who.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_TEXT) {
            errors.add(new FieldError("identifier." + field, "required: a text of 1 to " + MAX_TEXT + " characters"));
            return null;
        }
        return v.asText().strip();
    }

    /** The conclusion of {@code id} (the identification of {@code request}'s interview) in {@code language}. */
    public static Conclusion of(RuleBook book, Request request, Identification id, String language, LocalDate today) {
        Translations t = book.translations();
        Translations.Language lang = t.language(language);
        Interview interview = request.interview();
        Map<String, String> words = new LinkedHashMap<>();
        t.keys("document.").forEach(k -> words.put(k.substring("document.".length()), t.text(language, k)));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language));
        Answer dated = interview.answers().get(Interview.EVENTS_DATE);
        Jurisdiction j = book.jurisdictions().get(id.jurisdiction());

        List<ElementPart> elements = new ArrayList<>();
        id.elements().forEach((element, view) -> {
            List<AnswerPart> establishing = view.evidence().stream().map(q -> answer(t, language, q, interview.answers().get(q))).toList();
            List<AnswerPart> rulingOut = new ArrayList<>();
            if ("NOT_FOUND".equals(view.status())) {
                book.questionnaire().byElement(id.jurisdiction()).stream().filter(e -> e.element().equals(element)).map(ElementQuestions::questions)
                        .flatMap(List::stream).map(q -> answer(t, language, q, interview.answers().get(q)))
                        .forEach(rulingOut::add);
            }
            elements.add(new ElementPart(label(t, language, "element", element), label(t, language, "status", view.status()),
                    view.required(), establishing, rulingOut));
        });
        List<LawPart> byLaw = new ArrayList<>();
        id.jurisdictions().forEach((code, s) -> byLaw.add(new LawPart(label(t, language, "jurisdiction", code), label(t, language, "decision", s.decision()))));
        List<FlagPart> flags = id.flags().stream().map(f -> new FlagPart(f, t.text(language, "flags." + f + ".title", f),
                t.text(language, "flags." + f + ".next", ""))).toList();
        List<OffencePart> offence = id.offence().stream().map(o -> new OffencePart(o.article(), o.edition(),
                label(t, language, "status", o.status()), o.rule(), o.citation())).toList();
        List<MissingPart> missing = id.missing().stream().map(m -> new MissingPart(m.question(),
                t.text(language, "questions." + m.question(), m.question()),
                m.element() == null ? "" : label(t, language, "element", m.element()))).toList();
        List<RulePart> rules = id.trace().stream().map(r -> new RulePart(r.id(), t.text(language, "rules." + r.id(), r.title()), r.citation())).toList();
        return new Conclusion(lang.code(), !lang.reviewed(), words, id.reference() == null ? "—" : id.reference(),
                dated == null ? words.getOrDefault("undated", "") : dates.format(dated.date()), dates.format(today),
                label(t, language, "jurisdiction", id.jurisdiction()),
                j == null ? List.of() : j.instruments().stream().map(i -> i.name() + (i.edition() == null ? "" : " (" + i.edition() + ")")).toList(),
                id.rulebook().version(), id.child(), id.childBasis() == null ? null : label(t, language, "childBasis", id.childBasis()),
                elements, label(t, language, "decision", id.decision()), byLaw, flags, offence, missing, rules, request.identifier());
    }

    private static AnswerPart answer(Translations t, String language, String question, Answer a) {
        String value = a == null ? "UNKNOWN" : a.value();
        return new AnswerPart(question, t.text(language, "questions." + question, question),
                t.text(language, "values." + Translations.YESNO + "." + value, t.text(language, "values." + question + "." + value, value)));
    }

    private static String label(Translations t, String language, String group, String key) {
        return t.text(language, "labels." + group + "." + key, key);
    }
}
