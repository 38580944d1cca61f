package org.tanuu.http;

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
import org.tanuu.identify.Identification;
import org.tanuu.rulebook.RuleBook;

import org.tanuu.rulebook.SampleCase;

/** The trainers' case library: list, read with its live decision, replay all. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.REVIEWER})
public class CasesResource {

    @Inject
    RuleBookService ruleBooks;

    @Inject
    Audit audit;

    public record Listing(String id, String name, String summary, String source, String jurisdiction) {
    }

    public record CaseView(String id, String name, String summary, String source, String jurisdiction, Object answers,
                           SampleCase.Expectation expect, List<String> changed, Identification result, boolean passed,
                           List<String> differences) {
    }

    @GET
    public List<Listing> list() {
        return ruleBooks.current().cases().stream()
                .map(c -> new Listing(c.id(), c.name(), c.summary(), c.source(), c.jurisdiction())).toList();
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") String id) {
        RuleBook book = ruleBooks.current();
        SampleCase c = book.sampleCase(id);
        if (c == null) {
            throw ErrorShape.notFound("id", "no sample case " + id);
        }
        CaseReplay.Outcome outcome = CaseReplay.replay(book, c);
        return new CaseView(c.id(), c.name(), c.summary(), c.source(), c.jurisdiction(), c.answers(), c.expect(),
                c.changed(), outcome.result(), outcome.passed(), outcome.differences());
    }

    @POST
    @Path("/replay")
    public CaseReplay.Report replay() {
        Instant started = Instant.now();
        RuleBook book = ruleBooks.current();
        CaseReplay.Report report = CaseReplay.report(CaseReplay.replayAll(book));
        audit.record("replay", started, "version", book.version(), "cases", String.valueOf(report.total()),
                "failed", String.valueOf(report.failed().size()));
        return report;
    }
}
