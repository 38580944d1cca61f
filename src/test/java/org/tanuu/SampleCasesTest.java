package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The sample cases in rules/cases are the rule book's regression suite: each is one test, named by its sentence. */
@QuarkusTest
class SampleCasesTest {

    /** One replay of the whole library, each case then reported as its own test with its differences. */
    @TestFactory
    Stream<DynamicTest> everySampleCaseComesOutAsItsExpectationSays() {
        List<String> ids = given().get("/cases").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(ids.size() >= 25, "the library holds at least 25 cases, found " + ids.size());
        JsonPath report = given().post("/cases/replay").then().statusCode(200).extract().jsonPath();
        assertEquals(ids.size(), report.getInt("total"));
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Map<String, Object> failed = report.getMap("failed.find { it.id == '" + id + "' }");
            assertTrue(failed == null, () -> failed.get("name") + "\n  " + String.join("\n  ", (List<String>) failed.get("differences")));
        }));
    }

    @Test
    void oneCaseIsShownWithItsLiveDecisionAndNoDifference() {
        String id = given().get("/cases").then().statusCode(200).extract().path("[0].id");
        given().get("/cases/{id}", id).then().statusCode(200)
                .body("passed", org.hamcrest.Matchers.equalTo(true))
                .body("result.decision", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void everyRuleOfTheRuleBookFiresInAtLeastOneSampleCase() {
        JsonPath coverage = given().get("/rules/coverage").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), coverage.getList("neverFired.id"), "rules that no sample case makes fire");
    }

    @Test
    void anUnknownCaseIs404() {
        given().get("/cases/{id}", "no-such-case").then().statusCode(404);
    }
}
