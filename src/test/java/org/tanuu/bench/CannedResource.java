package org.tanuu.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tanuu.http.Audit;
import org.tanuu.http.IdentifyResource;
import org.tanuu.http.Roles;
import org.tanuu.http.RuleBookService;
import org.tanuu.identify.Identification;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.Interview;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;

/**
 * The benchmark's "canned" baseline: everything POST /identify does — the same roles, the body read against the rule
 * book, the metrics and the audit line, the same response written — except the evaluation. Each body's identification
 * is made the first time it is seen (by rule-book version and reference) and answered from memory after that, so once
 * the benchmark's 200 bodies have been seen the difference to POST /identify is the engine alone. Test scope only.
 */
@Path("/bench/canned")
public class CannedResource {
    private final Map<String, Identification> answers = new ConcurrentHashMap<>();

    @Inject
    RuleBookService ruleBooks;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry metrics;

    @POST
    @NonBlocking
    @RolesAllowed({Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Identification canned(byte[] body) {
        Instant started = Instant.now();
        RuleBook book = ruleBooks.current();
        Interview interview = InterviewReader.read(InterviewReader.parse(body), book);
        Identification result = answers.computeIfAbsent(book.version() + "/" + interview.jurisdiction() + "/" + interview.reference(),
                key -> Identifier.identify(book, interview));
        IdentifyResource.recorded(metrics, audit, book, result, started); // the same bookkeeping as POST /identify
        return result;
    }
}
