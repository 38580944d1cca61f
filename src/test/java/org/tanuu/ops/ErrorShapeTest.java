package org.tanuu.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every status the service answers besides 200 comes in one shape, {@code {"errors":[{"field","message"}]}} in JSON,
 * in the service's words, with the security headers; each leaves an audit record with the status and field names.
 * Here the embedded default (where a 401 is a call through a proxy); 401 and 403 with OIDC on in {@link AccessByRoleIT}.
 */
@QuarkusTest
class ErrorShapeTest {
    static final String BIG = "{\"answers\": {}, \"reference\": \"" + "x".repeat(70_000) + "\"}";
    static final String HUGE = "{\"answers\": {}, \"reference\": \"" + "x".repeat(2_000_000) + "\"}";

    record Case(String name, int status, String field, Function<RequestSpecification, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("a call through a proxy (a forwarded header) in the embedded default", 401, "authorization",
                        r -> r.header("X-Forwarded-For", "127.0.0.1").contentType("application/json").body("{\"answers\": {}}").post("/identify")),
                new Case("a page request through a proxy", 401, "authorization", r -> r.header("Forwarded", "for=127.0.0.1").get("/rules")),
                new Case("malformed JSON", 400, "body", r -> r.contentType("application/json").body("{\"answers\": ").post("/identify")),
                new Case("an unknown rule id", 404, "id", r -> r.get("/rules/NO-SUCH-RULE")),
                new Case("an unknown case id", 404, "id", r -> r.get("/cases/no-such-case")),
                new Case("an unknown path", 404, "path", r -> r.get("/no/such/path")),
                new Case("an unknown path below a resource", 404, "path", r -> r.get("/rules/a/b/c")),
                new Case("GET /rules/reload", 405, "method", r -> r.get("/rules/reload")),
                new Case("GET /identify", 405, "method", r -> r.get("/identify")),
                new Case("HTML asked of a JSON endpoint", 406, "accept", r -> r.accept("text/html").get("/rules")),
                new Case("a body just over 64 KiB", 413, "body", r -> r.contentType("application/json").body(BIG).post("/identify")),
                new Case("a body of 2 MB", 413, "body", r -> r.contentType("application/json").body(HUGE).post("/identify")),
                new Case("a body as text/plain", 415, "content-type", r -> r.contentType("text/plain").body("{}").post("/identify")),
                new Case("an internal error", 500, "server", r -> r.get("/test/failure")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyErrorStatusAnswersInTheOneShapeWithTheSecurityHeadersAndIsAudited(Case c) {
        try (OperationsTest.Captured log = new OperationsTest.Captured()) {
            Response response = c.call().apply(given());
            response.then().statusCode(c.status())
                    .contentType("application/json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(c.field()))
                    .body("errors[0].message", notNullValue())
                    .body("errors[0].message", not(containsString("Jackson")))
                    .body("errors[0].message", not(containsString("HTTP ")))
                    .body("errors[0].message", not(containsString("internal detail")))
                    .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Cache-Control", equalTo("no-store"));
            if (c.status() == 405) {
                response.then().header("Allow", notNullValue());
            }
            List<String> audit = log.lines.stream().filter(l -> l.startsWith("tanuu.audit ") && l.contains("operation=rejected ")).toList();
            assertTrue(audit.stream().anyMatch(l -> l.contains("status=" + c.status() + " ") && l.contains("fields=" + c.field())),
                    "an audit record of the refusal: " + audit);
            assertFalse(log.lines.stream().anyMatch(l -> l.contains("xxxxxxxxxx")), "no value of the request is logged");
        }
    }

    @Test
    void getRulesReloadNamesPostInItsAllowHeader() {
        given().get("/rules/reload").then().statusCode(405).header("Allow", containsString("POST"));
    }

    @Test
    void aSuccessfulAnswerHasTheSecurityHeadersToo() {
        given().contentType("application/json").body("{\"answers\": {}}").post("/identify").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
        given().get("/").then().statusCode(200).header("X-Frame-Options", equalTo("DENY"));
    }
}
