package org.tanuu.bench;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import org.tanuu.identify.InterviewReader;

/**
 * The benchmark's HTTP baseline: the same body as POST /identify, parsed the same way and written back as JSON,
 * with no rule book. Test scope only (src/test/java): it exists in {@code @QuarkusTest} applications and never
 * in the packaged service.
 */
@Path("/bench/echo")
public class EchoResource {
    @POST
    @NonBlocking // on the I/O threads, as POST /identify is
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode echo(byte[] body) {
        return InterviewReader.parse(body);
    }
}
