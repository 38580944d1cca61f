package org.tanuu.http;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tanuu.identify.Conclusion;
import org.tanuu.identify.Identification;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.Translations;

/**
 * POST /identify/conclusion: the draft written conclusion the identifier checks and signs, as PDF or printable HTML,
 * in the language asked for. Its content is never logged (the audit record names the operation, the decision and the
 * reference only) and never cached.
 */
@Path("/identify/conclusion")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER})
public class ConclusionResource {
    static final String PDF = "application/pdf";
    private static final String FONT = "DejaVu Sans";

    @Inject
    RuleBookService ruleBooks;

    @Inject
    Audit audit;

    @Inject
    Template conclusion;

    @POST
    @Produces({PDF, MediaType.TEXT_HTML})
    @Operation(summary = "The draft written conclusion: the interview and the identifier's name, organisation and place in; "
            + "PDF (Accept: application/pdf) or printable HTML (Accept: text/html) out, in ?lang= or Accept-Language")
    @APIResponse(responseCode = "200", description = "the draft conclusion, marked DRAFT")
    @APIResponse(responseCode = "400", description = "every offending field named")
    public Response conclude(byte[] body, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Instant started = Instant.now();
        RuleBook book = ruleBooks.current();
        String requested = Languages.requested(book, lang, headers);
        String language = requested == null ? Translations.ENGLISH : requested;
        Conclusion.Request request = Conclusion.read(InterviewReader.parse(body), book);
        Identification id = Identifier.identify(book, request.interview());
        String html = conclusion.data("c", Conclusion.of(book, request, id, language, LocalDate.now())).render();
        boolean pdf = headers.getAcceptableMediaTypes().stream()
                .filter(t -> t.isCompatible(MediaType.valueOf(PDF)) || t.isCompatible(MediaType.TEXT_HTML_TYPE))
                .findFirst().map(t -> t.isCompatible(MediaType.valueOf(PDF))).orElse(true);
        audit.record("conclusion", started, "jurisdiction", id.jurisdiction(), "decision", id.decision(),
                "version", book.version(), "reference", id.reference(), "format", pdf ? "pdf" : "html", "language", language);
        Object entity = pdf ? pdf(html) : html;
        return Response.ok(entity, pdf ? PDF : MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", (pdf ? "inline; filename=\"conclusion.pdf\"" : "inline"))
                .header("Content-Language", language)
                .build();
    }

    /** The HTML (well-formed XHTML, as the template writes it) laid out as PDF with the shipped Cyrillic font. */
    static byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ConclusionResource.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), FONT, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> ConclusionResource.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), FONT, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
