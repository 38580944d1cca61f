package org.tanuu.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With OIDC on, each endpoint answers only the roles the README's table gives it: a screener identifies, a trainer also
 * replays cases, a reviewer also reads and reloads the rules. Tokens are signed by a key the service trusts, as a real
 * provider's would be; nothing is switched off.
 */
@QuarkusTest
@TestProfile(AccessByRoleTest.WithOidc.class)
class AccessByRoleTest {
    static final String INTERVIEW = "{\"answers\": {\"act.recruited\": \"YES\"}}";

    public static class WithOidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.application-type", "service",
                    "quarkus.oidc.public-key", SignedTokens.publicKey(),
                    "quarkus.oidc.token.issuer", SignedTokens.ISSUER,
                    "tanuu.rules.watch", "false");
        }
    }

    static ValidatableResponse call(String token, String method, String path) {
        var request = given().contentType("application/json").body(INTERVIEW);
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
            "trainer, POST, /identify, 200", "trainer, GET, /cases, 200", "trainer, POST, /cases/replay, 200",
            "trainer, GET, /rules, 403", "trainer, POST, /rules/reload, 403", "trainer, GET, /parameters, 200",
            "screener, GET, /parameters, 403", "reviewer, GET, /parameters/age-of-majority, 200",
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
    void aLocalCallerGetsNoRoleOnceOidcIsOn() {
        call(SignedTokens.token("nobody"), "POST", "/identify").statusCode(403);
    }
}
