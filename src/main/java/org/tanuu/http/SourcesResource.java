package org.tanuu.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tanuu.identify.FieldError;
import org.tanuu.identify.InvalidRequestException;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.SourceTexts;

/**
 * GET /sources?citation=id:locator: the cited lines of a source, where the sources folder ({@code tanuu.sources.dir})
 * holds its text, so a trainer reads under the trace what a rule's @source says (and GET /rules/{id} shows a reviewer).
 */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.REVIEWER})
public class SourcesResource {

    @Inject
    RuleBookService ruleBooks;

    /** Where the texts our citations refer to are kept (the repository's ../shared/sources, if present). */
    @ConfigProperty(name = "tanuu.sources.dir", defaultValue = "../shared/sources")
    java.nio.file.Path sourcesDir;

    private SourceTexts texts;

    @jakarta.annotation.PostConstruct
    void open() {
        texts = new SourceTexts(sourcesDir);
    }

    /** The cited lines of a citation of the rule book in force; "text not available here" when the folder lacks it. */
    public SourceTexts.Excerpt excerpt(RuleBook book, String citation) {
        return texts.excerpt(book.bibliography(), citation);
    }

    @GET
    @Operation(summary = "The cited lines of a source (id:locator, as a rule's @source), where the text is kept")
    public SourceTexts.Excerpt cited(@QueryParam("citation") String citation) {
        RuleBook book = ruleBooks.current();
        if (citation == null || book.bibliography().entry(citation) == null) {
            throw new InvalidRequestException(List.of(new FieldError("citation",
                    "expected id:locator with an id of sources.yaml, as a rule's @source")));
        }
        return excerpt(book, citation);
    }
}
