package org.tanuu.http;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.tanuu.facts.Question;
import org.tanuu.facts.Vocabulary;
import org.tanuu.rulebook.RuleBook;

/**
 * The OpenAPI document completed at each request: every secured operation answers 401 and 403, every one with a path
 * parameter 404, all in the error shape; and {@code answers} lists each question of the questionnaire in force with
 * its type and allowed values, so a client generated from the document knows them.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ApiDocsFilter implements OASFilter {
    private static final String ERRORS = "#/components/schemas/Errors";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                    || operation.getResponses() != null && operation.getResponses().hasAPIResponse("401")) {
                error(operation, "401", "no valid bearer token");
                error(operation, "403", "the caller's roles do not include one this call needs");
            }
            if (path.contains("{")) {
                error(operation, "404", "nothing with this id");
            }
        }));
        RuleBook book = Arc.container().instance(RuleBookService.class).get().loaded();
        Schema interview = openAPI.getComponents().getSchemas().get("Interview");
        if (book != null && interview != null) {
            Map<String, Schema> properties = new LinkedHashMap<>(interview.getProperties());
            properties.put("answers", answers(book));
            interview.setProperties(properties);
        }
    }

    private static void error(Operation operation, String status, String description) {
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponse(status) == null || responses.getAPIResponse(status).getContent() == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERRORS)))));
        }
    }

    /** One property per question: its type and allowed values; null or absent is UNKNOWN. */
    static Schema answers(RuleBook book) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Question q : book.questionnaire().all()) {
            Schema answer = OASFactory.createSchema().description(q.text());
            switch (q.kind()) {
                case "yesno" -> answer.addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(Vocabulary.YES_NO));
                case "enum" -> answer.addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(q.values()));
                case "int" -> {
                    answer.addType(Schema.SchemaType.INTEGER);
                    if (q.min() != null) {
                        answer.minimum(BigDecimal.valueOf(q.min()));
                    }
                    if (q.max() != null) {
                        answer.maximum(BigDecimal.valueOf(q.max()));
                    }
                }
                case "date" -> answer.addType(Schema.SchemaType.STRING).format("date");
                default -> answer.addType(Schema.SchemaType.STRING);
            }
            answer.addType(Schema.SchemaType.NULL);
            properties.put(q.id(), answer);
        }
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(properties)
                .additionalPropertiesBoolean(Boolean.FALSE)
                .description("question id (GET /questionnaire) -> answer; null or absent is UNKNOWN; "
                        + "a date from 1900-01-01 to today; the questionnaire in force, version " + book.version());
    }

}
