package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With tanuu.rules.guard=true, a rule book that changes the decision of a sample case never reaches a screener. */
@QuarkusTest
@TestProfile(GuardedReloadTest.Guarded.class)
class GuardedReloadTest {
    /** A probe that changes many decisions: every person is treated as a child, so means are never required. */
    static final String EVERYONE_A_CHILD = RuleFiles.rule("TEST-PROBE-EVERYONE-A-CHILD", "person", "",
            "    insertLogical( new Child( \"AGE\" ) );");

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
    void aReloadThatChangesASampleCaseDecisionIsRejectedAndTheOldRuleBookKeepsServing() {
        String before = given().get("/rules").then().extract().path("version");
        RuleFiles.write(copy(), RuleFiles.PROBE, RuleFiles.probeFile(EVERYONE_A_CHILD));
        try {
            JsonPath attempt = given().post("/rules/reload").then().statusCode(200)
                    .body("accepted", equalTo(false))
                    .body("errors.message", everyItem(startsWith("guarded reload: changes the decision of sample case ")))
                    .extract().jsonPath();
            List<String> changed = attempt.getList("changedCases.id");
            assertFalse(changed.isEmpty());
            given().get("/rules").then().body("version", equalTo(before));
            given().post("/cases/replay").then().body("failed.size()", equalTo(0));
        } finally {
            RuleFiles.write(copy(), RuleFiles.PROBE, null);
        }
        given().post("/rules/reload").then().body("accepted", equalTo(true)).body("version", equalTo(before));
    }
}
