package org.tanuu.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import org.tanuu.rulebook.Jurisdiction;

/** GET /jurisdictions: the rule books in force, each with its name and the instruments (and editions) it implements. */
@Path("/jurisdictions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER})
public class JurisdictionsResource {

    @Inject
    RuleBookService ruleBooks;

    @GET
    public Collection<Jurisdiction> jurisdictions() {
        return ruleBooks.current().jurisdictions().values();
    }
}
