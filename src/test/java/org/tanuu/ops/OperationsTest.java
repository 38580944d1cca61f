package org.tanuu.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health, metrics, the API description and an audit trail that never holds an answer. */
@QuarkusTest
class OperationsTest {

    // relative to the management root, /q
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** Every log record the service writes while a test runs, formatted as a handler would. */
    static final class Captured extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Captured() {
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null ? record.getMessage()
                    : java.text.MessageFormat.format(record.getMessage(), record.getParameters());
            lines.add(record.getLoggerName() + " " + message + " " + (record.getThrown() == null ? "" : record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }

    @Test
    void readinessIsUpWithTheRuleBookVersionAndLivenessIsUp() {
        String version = given().get("/rules").then().extract().path("version");
        given().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rule book' }.data.version", equalTo(version))
                .body("checks.find { it.name == 'identity provider' }.status", equalTo("UP"));
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountHttpRequestsByRouteAndStatusOnTheManagementPort() {
        given().contentType("application/json").body("{\"answers\": {}}").post("/identify").then().statusCode(200);
        given().get("/cases/no-such-case").then().statusCode(404);
        given().get(metrics).then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/identify\"[^}]*} .*"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/cases/\\{id}\"[^}]*} .*"))
                .body(org.hamcrest.Matchers.not(containsString("no-such-case")));
    }

    @Test
    void metricsCountIdentificationsByJurisdictionAndDecisionAndShowTheRuleBookVersion() {
        given().contentType("application/json").body("{\"jurisdiction\": \"KG\", \"answers\": {\"act.recruited\": \"YES\"}}")
                .post("/identify").then().statusCode(200);
        given().post("/rules/reload").then().statusCode(200);
        String version = given().get("/rules").then().extract().path("version");
        given().get(metrics).then().statusCode(200)
                .body(containsString("tanuu_identifications_total{decision=\"INSUFFICIENT_INFORMATION\",jurisdiction=\"KG\"}"))
                .body(containsString("tanuu_identify_seconds_bucket{jurisdiction=\"KG\""))
                .body(containsString("tanuu_reloads_total{accepted=\"true\"}"))
                .body(containsString("tanuu_rulebook{version=\"" + version + "\"} 1.0"));
    }

    @Test
    void theOpenApiDocumentNamesEveryResourcePathWithTheInterviewSchemaAndTheErrorShape() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String path : List.of("/identify", "/identify/compare", "/questionnaire", "/jurisdictions", "/cases", "/cases/{id}",
                "/cases/replay", "/rules", "/rules/{id}", "/rules/coverage", "/rules/reload", "/ping")) {
            assertTrue(document.contains("\"" + path + "\""), "the OpenAPI document names " + path);
        }
        given().get("/q/openapi?format=json").then()
                .body("components.schemas.Interview.properties.answers.description", containsString("question id"))
                .body("components.schemas.Errors.properties.errors.type", equalTo("array"))
                .body("paths.'/rules/reload'.post.security[0].bearer", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/identify'.post.requestBody.content.'application/json'.examples", org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** The document as a client generator reads it: valid, errors described, and every question of the questionnaire typed. */
    @Test
    void theOpenApiDocumentValidatesAndTypesEveryAnswerOfTheQuestionnaireInForce() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(document, null, options);
        assertEquals(List.of(), parsed.getMessages(), "the OpenAPI document validates");
        for (String name : parsed.getOpenAPI().getComponents().getSchemas().keySet()) {
            assertTrue(name.matches("[A-Za-z0-9._-]+"), "a component name a generator can use: " + name);
        }
        io.restassured.path.json.JsonPath doc = io.restassured.path.json.JsonPath.from(document);
        for (String status : List.of("401", "403")) {
            assertEquals("#/components/schemas/Errors", doc.getString("paths.'/identify'.post.responses.'" + status + "'.content.'application/json'.schema.$ref"));
        }
        assertEquals("#/components/schemas/Errors", doc.getString("paths.'/rules/{id}'.get.responses.'404'.content.'application/json'.schema.$ref"));
        List<String> questions = given().get("/questionnaire").then().extract().jsonPath().getList("questions.id");
        java.util.Map<String, Object> answers = doc.getMap("components.schemas.Interview.properties.answers.properties");
        assertEquals(new java.util.TreeSet<>(questions), new java.util.TreeSet<>(answers.keySet()), "one property per question");
        assertEquals(130, doc.getInt("components.schemas.Interview.properties.answers.properties.'person.age'.maximum"));
        assertTrue(doc.getList("components.schemas.Interview.properties.answers.properties.'act.recruited'.enum").contains("YES"));
        assertTrue(doc.getList("components.schemas.Interview.properties.answers.properties.'person.ageBasis'.enum").contains("DOCUMENT"));
        assertEquals("date", doc.getString("components.schemas.Interview.properties.answers.properties.'case.eventsDate'.format"));
        assertEquals(Boolean.FALSE, doc.get("components.schemas.Interview.properties.answers.additionalProperties"));
    }

    @Test
    void aReferenceHoldingALineBreakOrAFieldOfItsOwnCannotForgeAnAuditRecord() {
        String forged = "intake-1\r\n2026-01-01 INFO [tanuu.audit] operation=reload caller=root decision=IDENTIFIED";
        try (Captured log = new Captured()) {
            given().contentType("application/json").body("{\"reference\": \"" + forged.replace("\r", "\\r").replace("\n", "\\n")
                    + "\", \"answers\": {}}").post("/identify").then().statusCode(200);
            List<String> audit = log.lines.stream().filter(l -> l.startsWith("tanuu.audit ")).toList();
            assertEquals(1, audit.size(), audit.toString());
            String record = audit.get(0);
            assertFalse(record.contains("\r") || record.contains("\n"), record);
            assertFalse(record.contains("caller=root") || record.contains("operation=reload"), record);
            assertEquals(1, record.split("caller=", -1).length - 1, record);
            assertTrue(record.contains("reference=intake-1??2026-01-01?INFO?[tanuu.audit]?operation?reload?caller?root"), record);
        }
    }

    @Test
    void eachIdentificationComparisonReplayAndReloadLeavesOneAuditRecordAndNoAnswerReachesAnyLog() {
        String reference = "ref-7f3c-audit-marker";
        String eventsDate = "1986-07-13"; // an answer: it must never be logged
        String badAnswer = "answer-marker-91d2"; // an invalid answer: refused, and never logged either
        String interview = "{\"jurisdiction\": \"KZ\", \"reference\": \"" + reference + "\", \"answers\": {\"case.eventsDate\": \""
                + eventsDate + "\", \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\"}}";
        try (Captured log = new Captured()) {
            given().contentType("application/json").body(interview).post("/identify").then().statusCode(200);
            given().contentType("application/json").body("{\"interview\": " + interview + ", \"changes\": {\"person.age\": 55}}")
                    .post("/identify/compare").then().statusCode(200);
            given().contentType("application/json").body("{\"answers\": {\"act.recruited\": \"" + badAnswer + "\"}}")
                    .post("/identify").then().statusCode(400);
            given().post("/cases/replay").then().statusCode(200);
            given().post("/rules/reload").then().statusCode(200);

            List<String> audit = log.lines.stream().filter(l -> l.startsWith("tanuu.audit ")).toList();
            assertEquals(1, audit.stream().filter(l -> l.contains("operation=identify ")).count(), audit.toString());
            String identify = audit.stream().filter(l -> l.contains("operation=identify ")).findFirst().orElseThrow();
            for (String field : List.of("caller=local", "jurisdiction=KZ", "decision=PRESUMED", "version=", "reference=" + reference, "durationMs=")) {
                assertTrue(identify.contains(field), identify + " has " + field);
            }
            assertTrue(audit.stream().anyMatch(l -> l.contains("operation=compare ") && l.contains("decision=PRESUMED->IDENTIFIED")), audit.toString());
            assertTrue(audit.stream().anyMatch(l -> l.contains("operation=replay ")), audit.toString());
            assertTrue(audit.stream().anyMatch(l -> l.contains("operation=reload ") && l.contains("before=") && l.contains("after=")
                    && l.contains("accepted=true")), audit.toString());
            assertFalse(log.lines.isEmpty());
            for (String line : log.lines) {
                assertFalse(line.contains(eventsDate) || line.contains(badAnswer), "an answer reached the log: " + line);
            }
        }
    }
}
