package org.tanuu.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
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
