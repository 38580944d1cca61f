package org.tanuu.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With OIDC on, each endpoint answers only the roles the README's table gives it: a screener identifies, a trainer also
 * replays cases, a reviewer also reads and reloads the rules. Tokens are signed by a key the service trusts, as a real
 * provider's would be; nothing is switched off. The packaged service, started with these settings on free ports (no
 * Quarkus test profile, whose boot costs more than the jar's start).
 */
class AccessByRoleIT {
    static final String INTERVIEW = "{\"answers\": {\"act.recruited\": \"YES\"}}";
    static PackagedService service;

    @BeforeAll
    static void start() throws Exception {
        // Bearer tokens alone (a local key, no provider to sign in at): no page sign-in, so no sign-out path either.
        service = new PackagedService("-Dquarkus.oidc.tenant-enabled=true", "-Dquarkus.oidc.application-type=service",
                "-Dquarkus.oidc.logout.path=",
                "-Dquarkus.oidc.public-key=" + SignedTokens.publicKey(), "-Dquarkus.oidc.token.issuer=" + SignedTokens.ISSUER,
                "-Dtanuu.rules.watch=false");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static ValidatableResponse call(String token, String method, String path) {
        var request = given().baseUri(service.url()).contentType("application/json").body(INTERVIEW);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return (method.equals("POST") ? request.post(path) : request.get(path)).then();
    }

    @Test
    void withoutATokenEveryProtectedCallIs401InTheErrorShapeOfA400() {
        call(null, "POST", "/identify").statusCode(401)
                .body("errors[0].field", equalTo("authorization"))
                .body("errors[0].message", startsWith("authentication"));
        call(null, "GET", "/rules").statusCode(401);
        call("not-a-token", "POST", "/identify").statusCode(401).body("errors[0].field", equalTo("authorization"));
        call(null, "GET", "/ping").statusCode(200);
    }

    /** The README's role table, call by call: a trainer may do what a screener does, a reviewer what a trainer does. */
    @ParameterizedTest(name = "a {0} calling {1} {2} gets {3}")
    @CsvSource({
            "screener, POST, /identify, 200", "screener, GET, /questionnaire, 200", "screener, GET, /jurisdictions, 200",
            "screener, GET, /cases, 403", "screener, POST, /cases/replay, 403", "screener, GET, /rules, 403",
            "screener, POST, /rules/reload, 403", "screener, POST, /rules/check, 403", "trainer, POST, /rules/check, 403",
            "screener, GET, /parameters, 403", "trainer, GET, /parameters, 200", "reviewer, GET, /parameters/age-of-majority, 200",
            "trainer, POST, /identify, 200", "trainer, GET, /cases, 200", "trainer, POST, /cases/replay, 200",
            "trainer, GET, /rules, 200", "trainer, GET, /rules/coverage, 403", "trainer, POST, /rules/reload, 403",
            "reviewer, POST, /identify, 200", "reviewer, GET, /cases, 200", "reviewer, GET, /rules, 200",
            "reviewer, POST, /rules/reload, 200",
            "screener, GET, /, 403", "trainer, GET, /, 200", "trainer, GET, /modules/api.js, 200", "reviewer, GET, /, 200"})
    void eachRoleMayMakeTheCallsTheReadmeGivesIt(String role, String method, String path, int status) {
        call(SignedTokens.token(role + "-1", role), method, path).statusCode(status);
    }

    @Test
    void aForbiddenCallIs403InTheErrorShapeOfA400() {
        call(SignedTokens.token("screener-1", "screener"), "GET", "/cases").statusCode(403)
                .body("errors[0].field", equalTo("authorization"))
                .body("errors[0].message", startsWith("forbidden"));
    }

    @Test
    void aTokenForAnotherClientOrAnIdOrRefreshTokenIsRefused() {
        call(SignedTokens.typed("another-client", "Bearer", "screener-1", "screener"), "POST", "/identify").statusCode(401)
                .body("errors[0].field", equalTo("authorization"));
        call(SignedTokens.typed(SignedTokens.AUDIENCE, "ID", "screener-1", "screener"), "POST", "/identify").statusCode(401)
                .body("errors[0].field", equalTo("authorization"));
        call(SignedTokens.typed(SignedTokens.AUDIENCE, "Refresh", "screener-1", "screener"), "POST", "/identify").statusCode(401);
        call(SignedTokens.typed(SignedTokens.AUDIENCE, "Bearer", "screener-1", "screener"), "POST", "/identify").statusCode(200);
    }

    @Test
    void theAuditRecordNamesTheTokenSubjectAndAForgedPrincipalCannotForgeARecord() throws Exception {
        String reference = "audit-" + System.nanoTime();
        String token = SignedTokens.token(SignedTokens.AUDIENCE, "Bearer",
                Map.of("sub", "s-7f3c\r\nINFO [tanuu.audit] operation=reload caller=root", "preferred_username", "alice",
                        "upn", "alice@example.org"), "screener");
        given().baseUri(service.url()).contentType("application/json").auth().oauth2(token)
                .body("{\"reference\": \"" + reference + "\", \"answers\": {}}").post("/identify").then().statusCode(200);
        String record = waitForLine(reference);
        assertTrue(record.contains("caller=s-7f3c??INFO?[tanuu.audit]?operation?reload?caller?root "), record);
        assertFalse(record.contains("alice"), record);
        assertFalse(service.output.stream().anyMatch(l -> l.startsWith("INFO [tanuu.audit] operation=reload caller=root")), "no forged line");
    }

    @Test
    void aRejectedCallLeavesAnAuditRecordWithItsStatusAndCaller() throws Exception {
        call(SignedTokens.token("rejected-" + System.nanoTime(), "screener"), "GET", "/cases").statusCode(403);
        String record = waitForLine("operation=rejected caller=rejected-");
        assertTrue(record.contains("status=403") && record.contains("fields=authorization"), record);
    }

    private static String waitForLine(String part) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var line = service.output.stream().filter(l -> l.contains(part)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line with " + part + " in\n" + String.join("\n", service.output));
    }

    @Test
    void aLocalCallerGetsNoRoleOnceOidcIsOn() {
        call(SignedTokens.token("nobody"), "POST", "/identify").statusCode(403);
    }
}
