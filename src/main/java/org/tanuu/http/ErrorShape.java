package org.tanuu.http;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tanuu.identify.FieldError;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RulesArchive;
import org.tanuu.identify.InvalidRequestException;

/**
 * The one error shape of the service, for every status and every path: {@code {"errors":[{"field","message"}]}} in
 * JSON, in the service's own words (never the framework's). The REST layer's errors are mapped here, and so are those
 * the HTTP layer answers before a resource runs: an unknown path, a body over the limit, a failure. Each refused
 * request leaves an audit record with its status and the names of its fields, never a value.
 */
@ApplicationScoped
public class ErrorShape {
    private static final Logger LOG = Logger.getLogger(ErrorShape.class);

    @Inject
    Audit audit;

    /** A response in the error shape. */
    public static Response response(int status, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", errors)).build();
    }

    public static Response response(int status, String field, String message) {
        return response(status, List.of(new FieldError(field, message)));
    }

    /** A 404 of a resource, naming what is not there: {@code field} is the path parameter. */
    public static NotFound notFound(String field, String message) {
        return new NotFound(new FieldError(field, message));
    }

    public static final class NotFound extends RuntimeException {
        final FieldError error;

        NotFound(FieldError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return refused(404, List.of(e.error));
    }

    /** The field and message for a status the HTTP layer or the REST layer decides. */
    static FieldError standard(int status) {
        return switch (status) {
            case 400 -> new FieldError("body", "the request cannot be read");
            case 401 -> new FieldError("authorization", "authentication required: send a bearer token from the configured OIDC provider");
            case 403 -> new FieldError("authorization", "forbidden: this call needs another role (screener, trainer or reviewer; see GET /q/openapi)");
            case 404 -> new FieldError("path", "no such endpoint (see GET /q/openapi)");
            case 405 -> new FieldError("method", "this endpoint does not answer this method; the Allow header names those it does");
            case 406 -> new FieldError("accept", "this endpoint answers application/json only");
            case 413 -> new FieldError("body", "the body is over the limit: " + InterviewReader.MAX_BODY_BYTES + " bytes, "
                    + RulesArchive.MAX_ARCHIVE_BYTES + " for a rule archive (POST /rules/check)");
            case 415 -> new FieldError("content-type", "send the body as application/json");
            case 503 -> new FieldError("service", "the service cannot answer now; try again");
            default -> status < 500 ? new FieldError("request", "the request is refused")
                    : new FieldError("server", "an internal error; it is logged for the operators");
        };
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return refused(e.tooLarge() ? 413 : 400, e.errors());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return refused(401, List.of(standard(401)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return refused(401, List.of(new FieldError("authorization", "authentication failed: the bearer token is missing, invalid or expired")));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return refused(403, List.of(standard(403)));
    }

    /** 404, 405 (with its Allow header), 406, 415 and the rest of JAX-RS's own, in the service's words. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response shaped = refused(status, List.of(standard(status)));
        return status == 405 ? Response.fromResponse(shaped).header("Allow", allowed("/" + uri.getPath().replaceAll("^/+", ""))).build()
                : shaped;
    }

    /** The methods the resources declare for {@code path}, from their annotations (made once). */
    private String allowed(String path) {
        if (routes == null) {
            Map<Pattern, Set<String>> found = new LinkedHashMap<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                for (Method method : root == null ? new Method[0] : bean.getBeanClass().getMethods()) {
                    HttpMethod verb = Arrays.stream(method.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(Objects::nonNull).findFirst().orElse(null);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                        found.computeIfAbsent(Pattern.compile(template.replaceAll("\\{[^}:]+:\\s*([^}]+)}", "($1)")
                                .replaceAll("\\{[^}]+}", "[^/]+")), k -> new TreeSet<>()).add(verb.value());
                    }
                }
            }
            routes = found;
        }
        Set<String> methods = new TreeSet<>();
        routes.forEach((pattern, verbs) -> {
            if (pattern.matcher(path).matches()) {
                methods.addAll(verbs);
            }
        });
        return String.join(", ", methods);
    }

    private volatile Map<Pattern, Set<String>> routes;

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return refused(500, List.of(standard(500)));
    }

    private Response refused(int status, List<FieldError> errors) {
        audit.rejected(status, errors.stream().map(FieldError::field).toList(), null);
        return response(status, errors);
    }

    /** The largest body a path takes: a rule archive for the dry run, an interview everywhere else. */
    private static long limit(String path) {
        return "/rules/check".equals(path) ? RulesArchive.MAX_ARCHIVE_BYTES : InterviewReader.MAX_BODY_BYTES;
    }

    /**
     * The HTTP layer's answers in the same shape: a body over the limit (refused from its Content-Length before it is
     * read), an unknown path, and a failure no resource mapped.
     */
    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> { // after SecurityHeaders
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > limit(ctx.request().path())) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the body is not read
                answer(ctx, 413, standard(413));
            } else {
                ctx.next();
            }
        });
        router.route().last().handler(ctx -> answer(ctx, 404, standard(404)));
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (ctx.response().headWritten() || (failure instanceof AuthenticationException || failure instanceof UnauthorizedException)
                    && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                ctx.next(); // a browser without a token: the sign-in challenge (the code flow's redirect) is Quarkus's
                return;
            }
            int status = failure instanceof AuthenticationException || failure instanceof UnauthorizedException ? 401
                    : failure instanceof ForbiddenException ? 403 : ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.error("unexpected error", failure);
            }
            if (status == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            answer(ctx, status, standard(status));
        });
    }

    private void answer(RoutingContext ctx, int status, FieldError error) {
        audit.rejected(status, List.of(error.field()), ctx);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(Json.encode(Map.of("errors", List.of(error))));
    }
}
