package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With tanuu.rules.guard=true, a rule book that changes the decision of a sample case never reaches a screener. */
@QuarkusTest
@TestProfile(GuardedReloadTest.Guarded.class)
class GuardedReloadTest {

    public static class Guarded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tanuu.rules.dir", copy().toString(), "tanuu.rules.guard", "true", "tanuu.rules.watch", "false");
        }
    }

    static Path copy() {
        return RuleFiles.copyOncePerJvm("guarded");
    }

    @Test
    void aReloadThatChangesASampleCaseDecisionIsRejectedAndTheOldRuleBookKeepsServing() throws IOException {
        String before = given().get("/rules").then().extract().path("version");
        Path elements = copy().resolve("common/elements.drl");
        String original = Files.readString(elements);
        Files.writeString(elements, original.replace("eval( $strong >= 1 || $medium >= 2 )", "eval( $strong >= 2 || $medium >= 2 )"));
        try {
            given().post("/rules/reload").then().statusCode(200)
                    .body("accepted", equalTo(false))
                    .body("changedCases.id", hasItem("girl-12-taken-to-the-gulf-for-prostitution"))
                    .body("errors.message", hasItem(startsWith(
                            "guarded reload: changes the decision of sample case girl-12-taken-to-the-gulf-for-prostitution from IDENTIFIED to")));
            given().get("/rules").then().body("version", equalTo(before));
            given().post("/cases/replay").then().body("failed.size()", equalTo(0));
        } finally {
            Files.writeString(elements, original);
        }
        given().post("/rules/reload").then().body("accepted", equalTo(true));
    }
}
