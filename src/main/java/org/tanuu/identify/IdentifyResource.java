package org.tanuu.identify;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookService;

/** POST /identify: an interview in, a decision that shows its work out. */
@Path("/identify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IdentifyResource {

    @Inject
    RuleBookService ruleBooks;

    @POST
    public IdentifyResponse identify(byte[] body) {
        RuleBook book = ruleBooks.current(); // one rule book for the whole request, even if a reload happens now
        return IdentifyResponse.of(book, InterviewReader.read(InterviewReader.parse(body), book));
    }
}
