package org.tanuu.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.tanuu.identify.InvalidRequestException;

/** A refused request as 400 (413 for an oversized body) with every offending field: {@code {"errors":[{field, message}]}}. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
        return Response.status(e.tooLarge() ? 413 : 400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", e.errors())).build();
    }
}
