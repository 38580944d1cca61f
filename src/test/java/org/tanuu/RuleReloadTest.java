package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Legal reviewers edit a copy of the rule book while the service runs on it. The folder watcher is off here, so
 * each test decides when a reload happens ({@code POST /rules/reload}); {@link RuleFolderWatchTest} covers the
 * watcher. The edits are probe rules the tests add, so these tests do not depend on the wording of the law.
 */
@QuarkusTest
@TestProfile(RuleReloadTest.OnACopyOfTheRules.class)
class RuleReloadTest {
    static final Path COPY = RuleFiles.copyOncePerJvm("reload");
    /** A probe that flags a 46-year-old: no sample case is one, so adding it changes no case and passes the gate. */
    static final String FLAG_PROBE = RuleFiles.rule("TEST-PROBE-FLAG", "flags", "    Answer( question == \"person.age\", number == 46 )",
            "    insertLogical( new Flag( \"TEST_PROBE\" ) );");
    static final String KG_INTERVIEW = "{\"jurisdiction\": \"KG\", \"answers\": {\"person.age\": 46, \"act.recruited\": \"YES\"}}";

    public static class OnACopyOfTheRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tanuu.rules.dir", COPY.toString(), "tanuu.rules.watch", "false");
        }
    }

    @AfterEach
    void removeTheProbe() {
        RuleFiles.write(COPY, RuleFiles.PROBE, null);
        given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
    }

    @Test
    void aSyntaxErrorIsRejectedWithFileLineAndColumnAndTheLastGoodRuleBookKeepsServing() {
        String before = version();
        String broken = "    Answer( question == \"person.age\" $years : number )"; // a comma is missing
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-BROKEN", "flags", broken, ""));
        RuleFiles.write(COPY, RuleFiles.PROBE, file);
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors[0].file", equalTo(RuleFiles.PROBE))
                .body("errors[0].line", equalTo(lineOf(file, broken)))
                .body("errors[0].column", equalTo(broken.indexOf("$years")))
                .body("errors[0].message", startsWith("[ERR 102]"));
        given().get("/rules").then()
                .body("version", equalTo(before))
                .body("errors[0].file", equalTo(RuleFiles.PROBE));
        given().contentType("application/json").body(KG_INTERVIEW).post("/identify").then().statusCode(200)
                .body("rulebook.version", equalTo(before));
    }

    @Test
    void aFileSavedInAnotherEncodingIsARejectedReloadNotAServerErrorAndTheCatalogueShowsIt() throws java.io.IOException {
        String before = version();
        String file = RuleFiles.probeFile("// Вербовка\n" + FLAG_PROBE);
        java.nio.file.Files.write(COPY.resolve(RuleFiles.PROBE), file.getBytes(java.nio.charset.Charset.forName("windows-1251")));
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors[0].file", equalTo(RuleFiles.PROBE))
                .body("errors[0].line", equalTo(lineOf(file, "Вербовка")))
                .body("errors[0].message", startsWith("not UTF-8 text"));
        given().get("/rules").then().body("version", equalTo(before)).body("errors[0].file", equalTo(RuleFiles.PROBE));
    }

    @Test
    void aRuleWithoutACitationIsRejectedNamingTheRuleAndItsLine() {
        String before = version();
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-UNCITED", "flags", "", "", "citation"));
        RuleFiles.write(COPY, RuleFiles.PROBE, file);
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors[0].file", equalTo(RuleFiles.PROBE))
                .body("errors[0].line", equalTo(lineOf(file, "rule \"TEST-PROBE-UNCITED\"")))
                .body("errors[0].message", equalTo("rule \"TEST-PROBE-UNCITED\" has no @citation(\"...\")"));
        assertEquals(before, version());
    }

    @Test
    void anIdUsedTwiceIsRejectedNamingWhereItWasFirstUsed() {
        String first = RuleFiles.rule("TEST-PROBE-TWIN", "flags", "", "");
        String file = RuleFiles.probeFile(first, first.replaceFirst("rule \"TEST-PROBE-TWIN\"", "rule \"TEST-PROBE-TWIN again\""));
        RuleFiles.write(COPY, RuleFiles.PROBE, file);
        given().post("/rules/reload").then()
                .body("accepted", equalTo(false))
                .body("errors[0].line", equalTo(lineOf(file, "rule \"TEST-PROBE-TWIN again\"")))
                .body("errors[0].message", equalTo("duplicate @id(\"TEST-PROBE-TWIN\"): already used at "
                        + RuleFiles.PROBE + ":" + lineOf(file, "rule \"TEST-PROBE-TWIN\"")));
    }

    /** A probe that flags the one sample case of a ten-year-old (kz-child-made-to-beg-in-market). */
    static final String FLAG_THE_TEN_YEAR_OLD = RuleFiles.rule("TEST-PROBE-TEN", "flags",
            "    Answer( question == \"person.age\", number == 10 )", "    insertLogical( new Flag( \"TEST_PROBE\" ) );");
    static final String TEN_YEAR_OLD = "cases/kz-child-made-to-beg-in-market.yaml";

    @Test
    void anEditThatChangesACaseIsRejectedUntilTheCaseSaysSoAndThenTheReportNamesWhatChanged() throws Exception {
        String before = version();
        RuleFiles.write(COPY, RuleFiles.PROBE, RuleFiles.probeFile(FLAG_THE_TEN_YEAR_OLD));
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors.file", equalTo(List.of(TEN_YEAR_OLD)))
                .body("errors[0].message", equalTo("flags: expected [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL], got "
                        + "[CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL, TEST_PROBE]"));
        assertEquals(before, version());
        Path sample = COPY.resolve(TEN_YEAR_OLD);
        String expected = java.nio.file.Files.readString(sample);
        try {
            java.nio.file.Files.writeString(sample, expected.replace("flags: [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL]",
                    "flags: [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL, TEST_PROBE]"));
            given().post("/rules/reload").then().statusCode(200)
                    .body("accepted", equalTo(true))
                    .body("changedCases.id", equalTo(List.of("kz-child-made-to-beg-in-market")))
                    .body("changedCases[0].changes", equalTo(List.of("flags: [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL] -> "
                            + "[CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL, TEST_PROBE]")));
            given().get("/rules").then().body("lastAttempt.changedCases.id", equalTo(List.of("kz-child-made-to-beg-in-market")));
        } finally {
            java.nio.file.Files.writeString(sample, expected);
        }
    }

    /** Rules that fire for ever once seeded: each Flag inserted matches the loop rule again. */
    static String runaway(int age) {
        return RuleFiles.probeFile(
                RuleFiles.rule("TEST-PROBE-SEED", "flags", "    Answer( question == \"person.age\", number == " + age + " )",
                        "    insert( new Flag( \"TEST_LOOP\" ) );"),
                RuleFiles.rule("TEST-PROBE-LOOP", "flags", "    Flag( code == \"TEST_LOOP\" )", "    insert( new Flag( \"TEST_LOOP\" ) );"));
    }

    @Test
    void aRuleThatFiresForEverInASampleCaseIsRejectedNamingTheRuleAndTheServiceKeepsAnswering() {
        String before = version();
        String file = runaway(10);
        RuleFiles.write(COPY, RuleFiles.PROBE, file);
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors[0].file", equalTo(RuleFiles.PROBE))
                .body("errors[0].line", equalTo(lineOf(file, "rule \"TEST-PROBE-LOOP\"")))
                .body("errors[0].message", startsWith("rule TEST-PROBE-LOOP fires without end (replaying sample case "
                        + "kz-child-made-to-beg-in-market)"))
                .body("errors[1].file", equalTo(TEN_YEAR_OLD));
        given().get("/ping").then().statusCode(200);
        given().get("/rules").then().body("version", equalTo(before)).body("lastAttempt.accepted", equalTo(false));
        given().contentType("application/json").body(KG_INTERVIEW).post("/identify").then().statusCode(200);
    }

    @Test
    void aRuleThatFiresForEverOnlyOnALiveAnswerFailsThatRequestAloneWithTheRuleNamed() {
        String file = runaway(77);
        RuleFiles.write(COPY, RuleFiles.PROBE, file);
        given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body("{\"answers\": {\"person.age\": 77}}").post("/identify").then()
                    .statusCode(500).contentType("application/json")
                    .body("errors[0].field", equalTo("rules"))
                    .body("errors[0].message", startsWith("the evaluation under PALERMO stopped after 2000 rule firings: "
                            + "rule TEST-PROBE-LOOP fired "))
                    .body("errors[0].message", org.hamcrest.Matchers.endsWith("(" + RuleFiles.PROBE + ":"
                            + lineOf(file, "rule \"TEST-PROBE-LOOP\"") + ")"));
            given().get("/ping").then().statusCode(200);
            given().contentType("application/json").body(KG_INTERVIEW).post("/identify").then().statusCode(200);
        }
    }

    @Test
    void everyResponseDuringAlternatingReloadsComesWhollyFromOneRuleBook() throws Exception {
        String without = reloadWith(null);
        String with = reloadWith(RuleFiles.probeFile(FLAG_PROBE));
        assertNotEquals(without, with);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> given().contentType("application/json").body(KG_INTERVIEW)
                        .post("/identify").then().statusCode(200).extract().asString()));
            }
            for (int i = 0; i < 6; i++) {
                reloadWith(i % 2 == 0 ? null : RuleFiles.probeFile(FLAG_PROBE));
            }
            // Read with Jackson: RestAssured's JsonPath compiles a Groovy expression per path, ~9 s for these 800 reads.
            Set<String> seen = new HashSet<>();
            for (Future<String> call : calls) {
                JsonNode response = JSON.readTree(call.get());
                String version = response.path("rulebook").path("version").asText();
                boolean probed = version.equals(with);
                assertTrue(probed || version.equals(without), "an unknown version " + version);
                assertEquals(probed, texts(response.path("flags")).contains("TEST_PROBE"), "KG flags under " + version);
                assertEquals(probed, texts(response.path("jurisdictions").path("PALERMO").path("flags")).contains("TEST_PROBE"),
                        "PALERMO flags under " + version);
                assertEquals(probed, ids(response.path("trace")).contains("TEST-PROBE-FLAG"), "trace under " + version);
                seen.add(version);
            }
            assertFalse(seen.isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCatalogueListsEveryRuleWithItsMetadataAndOneRuleWithItsDrl() {
        JsonPath catalogue = given().get("/rules").then().statusCode(200)
                .body("rules.citation", everyItem(notNullValue()))
                .body("rules.title", everyItem(notNullValue()))
                .body("errors", empty())
                .extract().jsonPath();
        String id = catalogue.getString("rules[0].id");
        given().get("/rules/{id}", id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("citation", equalTo(catalogue.getString("rules[0].citation")))
                .body("drl", startsWith("rule \""));
        given().get("/rules/PAL-AGE-AT-EVENTS").then().statusCode(200)
                .body("source", equalTo("unicef-2008:268"))
                .body("bibliography.file", equalTo("002_7c1549858bcd3e46.txt"))
                .body("cited.citation", equalTo("unicef-2008:268"))
                .body("cited.first", equalTo(268));
        given().queryParam("citation", "unicef-2008:268").get("/sources").then().statusCode(200)
                .body("citation", equalTo("unicef-2008:268")).body("first", equalTo(268));
        given().queryParam("citation", "no-such-source:1").get("/sources").then().statusCode(400)
                .body("errors[0].field", equalTo("citation"));
        given().get("/rules/NO-SUCH-RULE").then().statusCode(404);
        given().get("/rules/coverage").then().statusCode(200)
                .body("cases", equalTo(given().get("/cases").then().extract().jsonPath().getList("id").size()))
                .body("neverFired.id", not(hasItem("TEST-PROBE-FLAG")));
    }

    // --- helpers

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The texts of a JSON array's items. */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** The {@code id} of each item of a JSON array (JsonPath's {@code trace.id}). */
    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    static String version() {
        return given().get("/rules").then().extract().path("version");
    }

    /** Writes (or with null removes) the probe file, reloads, and returns the version now serving. */
    static String reloadWith(String probe) {
        RuleFiles.write(COPY, RuleFiles.PROBE, probe);
        return given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true)).extract().path("version");
    }

    /** The 1-based line of {@code marker} in {@code text}. */
    static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " not in the probe");
    }
}
