package org.tanuu.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import org.tanuu.facts.Question;
import org.tanuu.identify.Identification;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.Translations;

/** GET /questionnaire: the interview vocabulary of the rule book in force. */
@Path("/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER})
public class QuestionnaireResource {

    @Inject
    RuleBookService ruleBooks;

    /**
     * With {@code ?lang=} or Accept-Language: each question's {@code text} in that language (falling back to English per
     * question), {@code labels} with the text of each answer value, label and flag (title and next step), and
     * {@code language} with its draft mark. Always {@code languages}: every language the rule book speaks, with its
     * draft mark, so a client can offer them.
     */
    @GET
    public Map<String, Object> questionnaire(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        RuleBook book = ruleBooks.current();
        String language = Languages.requested(book, lang, headers);
        List<Question> questions = new ArrayList<>();
        book.questionnaire().all().forEach(q -> questions.add(language == null ? q : new Question(q.id(), q.kind(), q.values(),
                q.element(), q.basis(), q.cites(), q.dimensions(), q.strength(), q.childStrength(),
                book.translations().text(language, "questions." + q.id(), q.text()), q.min(), q.max(), q.jurisdictions())));
        Translations t = book.translations();
        List<Identification.Language> languages = t.codes().stream().map(t::language)
                .map(l -> new Identification.Language(l.code(), l.name(), !l.reviewed())).toList();
        if (language == null) {
            return Map.of("version", book.version(), "questions", questions, "languages", languages);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String prefix : List.of("values.", "labels.", "flags.")) {
            t.keys(prefix).forEach(k -> labels.put(k, t.text(language, k, k.substring(k.lastIndexOf('.') + 1))));
        }
        Translations.Language l = t.language(language);
        return Map.of("version", book.version(), "questions", questions, "labels", labels, "languages", languages,
                "language", new Identification.Language(l.code(), l.name(), !l.reviewed()));
    }
}
