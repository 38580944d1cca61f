package org.tanuu.ops;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test scope only: a resource that fails, for the 500 of {@link ErrorShapeTest}. Never in the service. */
@Path("/test/failure")
@PermitAll
public class FailingResource {
    @GET
    public String fail() {
        throw new IllegalStateException("an internal detail that must not reach the caller");
    }
}
