package org.tanuu.identify;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** A request the service refuses, with every offending field named (400, or 413 for an oversized body). */
public final class BadRequestException extends RuntimeException {
    private final int status;
    private final List<FieldError> errors;

    public BadRequestException(int status, List<FieldError> errors) {
        super(null, null, false, false); // no stack trace: this is a client error, not a fault
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public BadRequestException(List<FieldError> errors) {
        this(400, errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Provider
    public static final class Mapper implements ExceptionMapper<BadRequestException> {
        @Override
        public Response toResponse(BadRequestException e) {
            return Response.status(e.status).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", e.errors)).build();
        }
    }
}
