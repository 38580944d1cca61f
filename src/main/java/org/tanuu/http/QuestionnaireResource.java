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
import org.tanuu.facts.Question;

/** GET /questionnaire: the interview vocabulary of the rule book in force. */
@Path("/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER})
public class QuestionnaireResource {

    @Inject
    RuleBookService ruleBooks;

    @GET
    public Map<String, Object> questionnaire() {
        List<Question> questions = new ArrayList<>();
        ruleBooks.current().questionnaire().all().forEach(questions::add);
        return Map.of("version", ruleBooks.current().version(), "questions", questions);
    }
}
