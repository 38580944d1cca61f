package org.tanuu.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tanuu.identify.Identification;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.InterviewReader;
import org.tanuu.identify.WhatIf;
import org.tanuu.rulebook.RuleBook;

/** POST /identify: an interview in, a decision that shows its work out; POST /identify/compare: the what-if. */
@Path("/identify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IdentifyResource {

    @Inject
    RuleBookService ruleBooks;

    @POST
    public Identification identify(byte[] body) {
        RuleBook book = ruleBooks.current(); // one rule book for the whole request, even if a reload happens now
        return Identifier.identify(book, InterviewReader.read(InterviewReader.parse(body), book));
    }

    @POST
    @Path("/compare")
    public WhatIf.Comparison compare(byte[] body) {
        return WhatIf.compare(ruleBooks.current(), InterviewReader.parse(body));
    }
}
