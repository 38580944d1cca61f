package org.tanuu.http;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.tanuu.identify.EvaluationLimitException;

/**
 * An evaluation that reached the firing limit: a fault of the rule book, not of the request. A 500 in the error shape
 * naming the rule, an audit record and a metric, so operators see it; the service goes on answering.
 */
@Provider
public class EvaluationLimitMapper implements ExceptionMapper<EvaluationLimitException> {
    @Inject
    Audit audit;

    @Inject
    MeterRegistry metrics;

    @Override
    public Response toResponse(EvaluationLimitException e) {
        metrics.counter("tanuu.evaluation.limit", "jurisdiction", e.jurisdiction(), "rule", e.rule()).increment();
        audit.record("evaluation-limit", Instant.now(), "jurisdiction", e.jurisdiction(), "rule", e.rule(),
                "file", e.file() == null ? null : e.file() + ":" + e.line());
        String where = e.file() == null ? "" : " (" + e.file() + ":" + e.line() + ")";
        return ErrorShape.response(500, "rules", e.getMessage() + where);
    }
}
