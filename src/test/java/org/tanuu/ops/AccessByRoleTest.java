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

    @Test
    void aScreenerIdentifiesAndComparesButCannotReadCasesOrRules() {
        String screener = SignedTokens.token("screener-1", "screener");
        call(screener, "POST", "/identify").statusCode(200).body("decision", equalTo("INSUFFICIENT_INFORMATION"));
        call(screener, "GET", "/questionnaire").statusCode(200);
        call(screener, "GET", "/jurisdictions").statusCode(200);
        call(screener, "GET", "/cases").statusCode(403)
                .body("errors[0].field", equalTo("authorization"))
                .body("errors[0].message", startsWith("forbidden"));
        call(screener, "POST", "/cases/replay").statusCode(403);
        call(screener, "GET", "/rules").statusCode(403);
        call(screener, "POST", "/rules/reload").statusCode(403);
    }

    @Test
    void aTrainerAlsoReplaysCasesButCannotReload() {
        String trainer = SignedTokens.token("trainer-1", "trainer");
        call(trainer, "POST", "/identify").statusCode(200);
        call(trainer, "GET", "/cases").statusCode(200);
        call(trainer, "POST", "/cases/replay").statusCode(200);
        call(trainer, "GET", "/rules").statusCode(403);
        call(trainer, "POST", "/rules/reload").statusCode(403);
    }

    @Test
    void aReviewerMayDoEverything() {
        String reviewer = SignedTokens.token("reviewer-1", "reviewer");
        call(reviewer, "POST", "/identify").statusCode(200);
        call(reviewer, "GET", "/cases").statusCode(200);
        call(reviewer, "GET", "/rules").statusCode(200);
        call(reviewer, "POST", "/rules/reload").statusCode(200).body("accepted", equalTo(true));
    }

    @Test
    void aLocalCallerGetsNoRoleOnceOidcIsOn() {
        call(SignedTokens.token("nobody"), "POST", "/identify").statusCode(403);
    }
}
