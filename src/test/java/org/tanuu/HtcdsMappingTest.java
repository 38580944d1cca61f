package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * rules/htcds.yaml speaks HTCDS 2.0: every field and picklist value it names is in the standard's lists
 * (src/test/resources/htcds/htcds-2.0-fields.yaml, with where each comes from), and ?format=htcds gives a valid
 * record for every sample case.
 */
@QuarkusTest
class HtcdsMappingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode standard() throws IOException {
        return YAML.readTree(HtcdsMappingTest.class.getResourceAsStream("/htcds/htcds-2.0-fields.yaml"));
    }

    static void assertValue(JsonNode standard, String field, String value, String where) {
        assertTrue(standard.has(field), where + ": " + field + " is not an HTCDS 2.0 field");
        JsonNode values = standard.get(field);
        if (value != null) {
            assertTrue(values.isArray(), where + ": " + field + " takes no picklist value");
            List<String> names = new ArrayList<>();
            values.forEach(v -> names.add(v.asText()));
            assertTrue(names.contains(value), where + ": " + value + " is not a value of " + field + " " + names);
        }
    }

    @Test
    void everyFieldAndValueOfTheMappingIsInHtcds20() throws IOException {
        JsonNode standard = standard();
        JsonNode mapping = YAML.readTree(Path.of("rules/htcds.yaml").toFile());
        String status = mapping.get("statusField").asText();
        mapping.get("status").fields().forEachRemaining(e -> assertValue(standard, status, e.getValue().asText(), "status." + e.getKey()));
        mapping.get("numbers").fieldNames().forEachRemaining(f -> assertValue(standard, f, null, "numbers"));
        String organisation = mapping.get("organisationField").asText();
        mapping.get("organisationTypes").forEach(t -> assertValue(standard, organisation, t.asText(), "organisationTypes"));
        assertValue(standard, mapping.get("consentField").asText(), null, "consentField");
        for (String section : List.of("choices", "picklists")) {
            mapping.get(section).fields().forEachRemaining(field -> field.getValue().fields().forEachRemaining(question ->
                    question.getValue().fields().forEachRemaining(answer ->
                            assertValue(standard, field.getKey(), answer.getValue().asText(), section + "." + field.getKey() + "." + question.getKey()))));
        }
    }

    @Test
    void everySampleCaseExportsAValidHtcdsRecordWhoseStatusFollowsTheDecision() throws IOException {
        JsonNode standard = standard();
        Map<String, String> statuses = Map.of("IDENTIFIED", "ActualVictimOfTrafficking", "PRESUMED", "PossibleVictimOfTrafficking",
                "NOT_IDENTIFIED", "NotAVictimOfTrafficking");
        List<Path> cases;
        try (Stream<Path> files = Files.list(Path.of("rules/cases"))) {
            cases = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(cases.size() >= 71, "the sample cases");
        for (Path file : cases) {
            JsonNode c = YAML.readTree(file.toFile());
            String body = JSON.createObjectNode().put("jurisdiction", c.path("jurisdiction").asText("PALERMO"))
                    .put("reference", file.getFileName().toString()).set("answers", c.get("answers")).toString();
            String decision = given().contentType("application/json").body(body).post("/identify").then().statusCode(200)
                    .extract().path("decision");
            JsonNode record = JSON.readTree(given().contentType("application/json").body(body)
                    .post("/identify?format=htcds&organisationType=LocalGovernmentOrganisation&dataConsent=true")
                    .then().statusCode(200).extract().asString());
            String where = file.getFileName().toString();
            assertEquals("HTCDS 2.0", record.get("standard").asText(), where);
            assertEquals(statuses.get(decision), record.path("vic_TraffickingStatus").textValue(), where + " (" + decision + ")");
            for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (List.of("standard", "reference", "rulebook").contains(f.getKey())) {
                    continue;
                }
                if (f.getValue().isArray()) {
                    f.getValue().forEach(v -> assertValue(standard, f.getKey(), v.asText(), where));
                } else {
                    assertValue(standard, f.getKey(), f.getValue().isTextual() && standard.path(f.getKey()).isArray() ? f.getValue().asText() : null, where);
                }
            }
        }
    }

    @Test
    void aChildRecruitedForSexualExploitationExportsItsTypeAndAge() {
        given().contentType("application/json").body("""
                {"jurisdiction": "KG", "answers": {"person.age": 17, "person.ageAtEvents": 15, "person.sex": "F", "act.recruited": "YES",
                 "means.documentsTaken": "YES", "purpose.prostitution": "YES"}}""")
                .post("/identify?format=htcds").then().statusCode(200)
                .body("vic_TraffickingStatus", equalTo("ActualVictimOfTrafficking"))
                .body("vic_AgeWhenTrafficked", equalTo(15))
                .body("prs_Gender", equalTo("Female"))
                .body("vic_TypeOfSexExploitation", equalTo(List.of("Prostitution")))
                .body("vic_MethodsOfControl", equalTo(List.of("WithholdsDocuments")));
    }

    @Test
    void anUnknownFormatOrOrganisationTypeIsA400NamingTheField() {
        given().contentType("application/json").body("{\"answers\": {}}").post("/identify?format=csv").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().contentType("application/json").body("{\"answers\": {}}").post("/identify?format=htcds&organisationType=Police")
                .then().statusCode(400).body("errors[0].field", equalTo("organisationType"));
    }
}
