package org.tanuu.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tanuu.identify.FieldError;

/** 401 and 403 in the same JSON shape as a 400: {@code {"errors":[{"field":"authorization","message":...}]}}. */
public class SecurityErrorMappers {

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", List.of(new FieldError("authorization", message)))).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return error(401, "authentication required: send a bearer token from the configured OIDC provider");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return error(401, "authentication failed: the bearer token is missing, invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "forbidden: this call needs another role (screener, trainer or reviewer; see GET /q/openapi)");
    }
}
