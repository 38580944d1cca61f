package org.tanuu.http;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tanuu.identify.FieldError;

/** Shapes for the OpenAPI document only: the service reads bodies itself, to name every offending field. */
final class ApiDocs {
    private ApiDocs() {
    }

    static final String EXAMPLE = """
            {"jurisdiction": "PALERMO", "reference": "intake-2291",
             "answers": {"person.age": 15, "person.ageBasis": "DOCUMENT", "act.recruited": "YES", "purpose.forcedWork": "YES"}}""";

    @Schema(name = "Interview", description = "An interview: question ids of GET /questionnaire to answers")
    record InterviewRequest(
            @Schema(description = "a jurisdiction of GET /jurisdictions (the rule book's jurisdictions.yaml); absent: its default")
            String jurisdiction,
            @Schema(description = "the caller's opaque reference, at most 200 characters; echoed and audited") String reference,
            @Schema(description = "question id -> YES | NO | UNKNOWN | DECLINED, a whole number, an enum value or a date; "
                    + "null or absent is UNKNOWN", required = true) Map<String, Object> answers) {
    }

    @Schema(name = "ComparisonRequest")
    record CompareRequest(@Schema(required = true) InterviewRequest interview,
                          @Schema(required = true, description = "question id -> new answer; null removes it") Map<String, Object> changes) {
    }

    @Schema(name = "Errors", description = "every offending field at once; the same shape for every error status (400, 401, 403, 404, 405, 406, 413, 415, 500)")
    record Errors(List<FieldError> errors) {
    }
}
