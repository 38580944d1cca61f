package org.tanuu.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.tanuu.identify.HtcdsExport;
import org.tanuu.identify.Identification;
import org.tanuu.identify.Interview;
import org.tanuu.identify.InvalidRequestException;
import org.tanuu.identify.Localizer;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.InterviewReader;
import org.tanuu.identify.WhatIf;
import org.tanuu.rulebook.RuleBook;

/**
 * POST /identify: an interview in, a decision that shows its work out; POST /identify/compare: the what-if.
 * Both run on the I/O threads ({@code @NonBlocking}): an evaluation is a fraction of a millisecond of CPU and no
 * I/O, and a hop to the worker pool with one Drools session in flight per connection halved the throughput and
 * doubled the p99 (README, Benchmark).
 */
@Path("/identify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER})
public class IdentifyResource {

    /** {@code ?format=htcds}: the decision in IOM's Human Trafficking Case Data Standard (rules/htcds.yaml). */
    static final String HTCDS = "htcds";

    @Inject
    RuleBookService ruleBooks;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry metrics;

    @POST
    @NonBlocking
    @Operation(summary = "Identify: an interview in, the decision element by element with the rules that fired")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiDocs.InterviewRequest.class),
            examples = @ExampleObject(name = "a child recruited for forced work", value = ApiDocs.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "the identification",
            content = @Content(schema = @Schema(implementation = Identification.class)))
    @APIResponse(responseCode = "400", description = "every offending field named",
            content = @Content(schema = @Schema(implementation = ApiDocs.Errors.class)))
    @APIResponse(responseCode = "413", description = "body over 64 KiB", content = @Content(schema = @Schema(implementation = ApiDocs.Errors.class)))
    public Object identify(byte[] body, @QueryParam("lang") String lang, @QueryParam("format") String format,
                           @QueryParam("organisationType") String organisationType, @QueryParam("dataConsent") Boolean dataConsent,
                           @Context HttpHeaders headers) {
        Instant started = Instant.now();
        RuleBook book = ruleBooks.current(); // one rule book for the whole request, even if a reload happens now
        if (format != null && !format.equals(HTCDS)) {
            throw InvalidRequestException.of("format", "expected " + HTCDS + " (or no format: the identification)");
        }
        String language = Languages.requested(book, lang, headers);
        Interview interview = InterviewReader.read(InterviewReader.parse(body), book);
        Identification result = Identifier.identify(book, interview);
        recorded(metrics, audit, book, result, started);
        if (HTCDS.equals(format)) {
            return HtcdsExport.of(book, interview, result, organisationType, dataConsent);
        }
        return language == null ? result : Localizer.localize(result, book, language);
    }

    /** What an identification leaves behind: its count and time in the metrics, its audit line (never an answer). */
    public static void recorded(MeterRegistry metrics, Audit audit, RuleBook book, Identification result, Instant started) {
        metrics.counter("tanuu.identifications", "jurisdiction", result.jurisdiction(), "decision", result.decision()).increment();
        Timer.builder("tanuu.identify").publishPercentileHistogram().tag("jurisdiction", result.jurisdiction()).register(metrics)
                .record(Duration.between(started, Instant.now()));
        audit.record("identify", started, "jurisdiction", result.jurisdiction(), "decision", result.decision(),
                "version", book.version(), "reference", result.reference());
    }

    @POST
    @NonBlocking
    @Path("/compare")
    @Operation(summary = "What-if: an interview and changed answers (null removes one); both decisions and what changed")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiDocs.CompareRequest.class)))
    @APIResponse(responseCode = "200", description = "before, after and what changed",
            content = @Content(schema = @Schema(implementation = WhatIf.Comparison.class)))
    @APIResponse(responseCode = "400", description = "every offending field named",
            content = @Content(schema = @Schema(implementation = ApiDocs.Errors.class)))
    public WhatIf.Comparison compare(byte[] body, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Instant started = Instant.now();
        RuleBook book = ruleBooks.current();
        String language = Languages.requested(book, lang, headers);
        WhatIf.Comparison comparison = WhatIf.compare(book, InterviewReader.parse(body));
        audit.record("compare", started, "jurisdiction", comparison.before().jurisdiction(),
                "decision", comparison.before().decision() + "->" + comparison.after().decision(),
                "version", book.version(), "reference", comparison.before().reference());
        return language == null ? comparison : new WhatIf.Comparison(Localizer.localize(comparison.before(), book, language),
                Localizer.localize(comparison.after(), book, language), comparison.changed());
    }
}
