package org.tanuu.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import org.tanuu.identify.InvalidRequestException;
import org.tanuu.rulebook.RuleBook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tanuu.rulebook.Parameters;

/**
 * The legal parameters in force (rules/parameters.yaml): each with its values by date, the values of each
 * jurisdiction whose law differs, the citation of every value, and the rules that read it.
 */
@Path("/parameters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.REVIEWER})
public class ParametersResource {

    @Inject
    RuleBookService ruleBooks;

    @GET
    @Operation(summary = "Every legal parameter: values by date, per jurisdiction where they differ, citations, the rules that read it")
    public Collection<Parameters.Definition> all() {
        return ruleBooks.current().parameters().all();
    }

    /** A parameter's value in force on a day under a jurisdiction (null when none is in force yet). */
    public record InForce(String name, String description, Parameters.Value value, List<String> readBy) {
    }

    /**
     * The value of every parameter in force under {@code jurisdiction} on {@code date} (default: today), as the rules
     * read it: what the trainers' page shows beside the elements.
     */
    @GET
    @Path("/in-force")
    @Operation(summary = "Every legal parameter's value in force under a jurisdiction on a day (default today)")
    public List<InForce> inForce(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("date") String date) {
        RuleBook book = ruleBooks.current();
        if (jurisdiction == null || !book.jurisdictions().containsKey(jurisdiction)) {
            throw InvalidRequestException.of("jurisdiction", "expected one of " + book.jurisdictions().keySet());
        }
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now() : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("date", "expected a date as YYYY-MM-DD");
        }
        return book.parameters().all().stream()
                .map(d -> new InForce(d.name(), d.description(), d.inForce(jurisdiction, day), d.readBy())).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One legal parameter")
    public Parameters.Definition one(@PathParam("name") String name) {
        Parameters.Definition definition = ruleBooks.current().parameters().get(name);
        if (definition == null) {
            throw new NotFoundException("no parameter " + name + " in parameters.yaml");
        }
        return definition;
    }
}
