package org.tanuu.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.tanuu.identify.FieldError;
import org.tanuu.identify.InvalidRequestException;
import org.tanuu.rulebook.RulesArchive;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tanuu.cases.CaseReplay;
import org.tanuu.rulebook.Bibliography;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleInfo;
import org.tanuu.rulebook.RuleProblem;
import org.tanuu.rulebook.SourceTexts;

/** The legal reviewers' view of the rule book: the catalogue, one rule with its DRL, reload on demand, a dry run, coverage. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER})
public class RulesResource {

    @Inject
    RuleBookService ruleBooks;

    /** A rule as listed: everything but its DRL text. */
    @JsonPropertyOrder({"id", "title", "citation", "source", "jurisdiction", "file", "line", "dateEffective", "dateExpires", "todo"})
    public record RuleSummary(String id, String title, String citation, String source, String jurisdiction, String file,
                              int line, String dateEffective, String dateExpires, List<String> todo) {
        static RuleSummary of(RuleInfo r) {
            return new RuleSummary(r.id(), r.title(), r.citation(), r.source(), r.jurisdiction(), r.file(), r.line(),
                    r.dateEffective(), r.dateExpires(), r.todo());
        }
    }

    /** {@code errors} are those of the latest attempt when it was rejected: the version shown is still serving. */
    @JsonPropertyOrder({"version", "change", "loadedAt", "rules", "errors", "lastAttempt"})
    public record Catalogue(String version, String change, Instant loadedAt, List<RuleSummary> rules, List<RuleProblem> errors,
                            RuleBookService.Attempt lastAttempt) {
    }

    /**
     * One rule with its DRL, the bibliography entry its @source names (null when it cites none) and the cited lines of
     * that text where the sources folder holds it ({@code cited.note} says when it does not).
     */
    public record RuleDetail(@JsonUnwrapped RuleInfo rule, Bibliography.Source bibliography, SourceTexts.Excerpt cited) {
    }

    @Inject
    SourcesResource sources;

    /** {@code untranslated}: per language of rules/i18n/, the entries it has no text for (English: none in the rule book either). */
    public record Coverage(String version, int cases, int rules, List<RuleSummary> neverFired, Map<String, List<String>> untranslated) {
    }

    /** Trainers too: the page shows them the banner of a rejected edit (its problems name files and lines, no interview). */
    @GET
    @RolesAllowed({Roles.TRAINER, Roles.REVIEWER})
    public Catalogue catalogue() {
        RuleBook book = ruleBooks.current();
        RuleBookService.Attempt attempt = ruleBooks.lastAttempt();
        return new Catalogue(book.version(), book.versionInFull().change(), book.loadedAt(), book.rules().stream().map(RuleSummary::of).toList(),
                attempt.accepted() ? List.of() : attempt.errors(), attempt);
    }

    @GET
    @Path("/coverage")
    public Coverage coverage() {
        RuleBook book = ruleBooks.current();
        return new Coverage(book.version(), book.cases().size(), book.rules().size(),
                CaseReplay.neverFired(book, CaseReplay.replayAll(book)).stream().map(RuleSummary::of).toList(),
                book.translations().untranslated());
    }

    /** Any id but {@code reload}: GET /rules/reload is a 405 naming POST, not a rule that is not there. */
    @GET
    @Path("/{id: (?!reload$)[^/]+}")
    public RuleDetail rule(@PathParam("id") String id) {
        RuleBook book = ruleBooks.current();
        RuleInfo rule = book.rules().stream().filter(r -> id.equals(r.id())).findFirst()
                .orElseThrow(() -> ErrorShape.notFound("id", "no rule with @id " + id));
        return new RuleDetail(rule, book.bibliography().entry(rule.source()),
                rule.source() == null ? null : sources.excerpt(book, rule.source()));
    }

    @POST
    @Path("/reload")
    public RuleBookService.Attempt reload() {
        return ruleBooks.reload();
    }

    @Inject
    Audit audit;

    /** Other names clients give the archive types: Windows's for zip, the older one for gzip. */
    private static final Map<String, String> ARCHIVE_TYPES = Map.of(
            RulesArchive.ZIP, RulesArchive.ZIP, "application/x-zip-compressed", RulesArchive.ZIP,
            RulesArchive.TAR, RulesArchive.TAR, RulesArchive.GZIP, RulesArchive.GZIP, "application/x-gzip", RulesArchive.GZIP);

    /**
     * A dry run: what a reload of the rules folder in the body (a zip, a tar or a gzipped tar) would answer, against
     * the rule book in service, which stays in service. The folder is unpacked into a temporary folder, deleted after.
     */
    @POST
    @Path("/check")
    @Consumes(MediaType.WILDCARD)
    public RuleBookService.DryRun check(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Instant started = Instant.now();
        String type = contentType == null ? null
                : ARCHIVE_TYPES.get(contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT));
        if (type == null) {
            audit.record("check", started, "type", contentType, "refused", "unsupported media type");
            throw new WebApplicationException(Response.status(415).type(MediaType.APPLICATION_JSON).entity(Map.of("errors",
                    List.of(new FieldError("Content-Type", (contentType == null ? "none given" : contentType)
                            + ": send the rules folder as " + String.join(", ", RulesArchive.TYPES))))).build());
        }
        RuleBookService.DryRun run;
        try {
            run = RulesArchive.withUnpacked(body, type, ruleBooks::check);
        } catch (RulesArchive.Refused e) {
            audit.record("check", started, "type", type, "refused", e.tooLarge() ? "too large" : "bad archive");
            String field = e.entry() == null ? "body" : e.entry();
            throw e.tooLarge() ? InvalidRequestException.tooLarge(field, e.getMessage())
                    : new InvalidRequestException(List.of(new FieldError(field, e.getMessage())));
        }
        audit.record("check", started, "type", type, "inService", run.inService(), "proposed", run.version(),
                "wouldAccept", String.valueOf(run.wouldAccept()), "problems", String.valueOf(run.errors().size()),
                "failingCases", String.valueOf(run.failingCases().size()), "changedCases", String.valueOf(run.changedCases().size()));
        return run;
    }
}
