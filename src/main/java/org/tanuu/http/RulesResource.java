package org.tanuu.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.tanuu.cases.CaseReplay;
import org.tanuu.rulebook.Bibliography;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleInfo;
import org.tanuu.rulebook.RuleProblem;

/** The legal reviewers' view of the rule book: the catalogue, one rule with its DRL, reload on demand, coverage. */
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
    @JsonPropertyOrder({"version", "loadedAt", "rules", "errors", "lastAttempt"})
    public record Catalogue(String version, Instant loadedAt, List<RuleSummary> rules, List<RuleProblem> errors,
                            RuleBookService.Attempt lastAttempt) {
    }

    /** One rule with its DRL, and the bibliography entry its @source names (null when it cites none). */
    public record RuleDetail(@JsonUnwrapped RuleInfo rule, Bibliography.Source bibliography) {
    }

    public record Coverage(String version, int cases, int rules, List<RuleSummary> neverFired) {
    }

    @GET
    public Catalogue catalogue() {
        RuleBook book = ruleBooks.current();
        RuleBookService.Attempt attempt = ruleBooks.lastAttempt();
        return new Catalogue(book.version(), book.loadedAt(), book.rules().stream().map(RuleSummary::of).toList(),
                attempt.accepted() ? List.of() : attempt.errors(), attempt);
    }

    @GET
    @Path("/coverage")
    public Coverage coverage() {
        RuleBook book = ruleBooks.current();
        return new Coverage(book.version(), book.cases().size(), book.rules().size(),
                CaseReplay.neverFired(book, CaseReplay.replayAll(book)).stream().map(RuleSummary::of).toList());
    }

    /** Any id but {@code reload}: GET /rules/reload is a 405 naming POST, not a rule that is not there. */
    @GET
    @Path("/{id: (?!reload$)[^/]+}")
    public RuleDetail rule(@PathParam("id") String id) {
        RuleBook book = ruleBooks.current();
        RuleInfo rule = book.rules().stream().filter(r -> id.equals(r.id())).findFirst()
                .orElseThrow(() -> ErrorShape.notFound("id", "no rule with @id " + id));
        return new RuleDetail(rule, book.bibliography().entry(rule.source()));
    }

    @POST
    @Path("/reload")
    public RuleBookService.Attempt reload() {
        return ruleBooks.reload();
    }
}
