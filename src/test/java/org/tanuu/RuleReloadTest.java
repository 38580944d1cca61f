package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Legal reviewers edit a copy of the rule book while the service runs on it. */
@QuarkusTest
@TestProfile(RuleReloadTest.OnACopyOfTheRules.class)
class RuleReloadTest {
    static final Path COPY = RuleFiles.copyOncePerJvm("reload");

    public static class OnACopyOfTheRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tanuu.rules.dir", COPY.toString(), "tanuu.rules.debounce", "PT0.2S");
        }
    }

    static final String ONE_MEDIUM_MEANS = "{\"answers\": {\"person.age\": 30, \"means.threats\": \"YES\"}}";
    static final String ELEMENTS = "common/elements.drl";
    static final String THRESHOLD = "eval( $strong >= 1 || $medium >= 2 )";

    private final Map<String, String> originals = new java.util.HashMap<>();

    @AfterEach
    void restore() {
        originals.forEach(RuleReloadTest::write);
        originals.clear();
        given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
    }

    @Test
    void anEditThatLowersAThresholdChangesTheDecisionWithinSeconds() {
        String before = version();
        meansStatus("INDICATED");
        edit(ELEMENTS, THRESHOLD, "eval( $strong >= 1 || $medium >= 1 )");
        waitFor(() -> !version().equals(before), "the watcher to load the edited rule book");
        meansStatus("ESTABLISHED");
        given().get("/rules").then().body("errors", empty());
    }

    @Test
    void aSyntaxErrorIsRejectedWithFileAndLineAndTheLastGoodRuleBookKeepsServing() {
        String before = version();
        edit(ELEMENTS, THRESHOLD, "eval( $strong >= 1 || $medium >= 1 "); // unbalanced: does not compile
        waitFor(() -> given().get("/rules").then().extract().jsonPath().getList("errors").size() > 0, "the rejection");
        given().get("/rules").then()
                .body("version", equalTo(before))
                .body("errors[0].file", equalTo(ELEMENTS))
                // the parser notices the unclosed parenthesis at the next token, on the edited line or the one after
                .body("errors[0].line", org.hamcrest.Matchers.either(equalTo(lineOf(ELEMENTS, "eval( $strong >= 1 || $medium >= 1 ")))
                        .or(equalTo(lineOf(ELEMENTS, "eval( $strong >= 1 || $medium >= 1 ") + 1)))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("mismatched input 'then'"));
        meansStatus("INDICATED"); // still the previous version's threshold
        given().post("/rules/reload").then().body("accepted", equalTo(false)).body("errors[0].file", equalTo(ELEMENTS));
    }

    @Test
    void aRuleWithoutACitationIsRejected() {
        String before = version();
        edit("palermo/elements.drl", "@citation(\"Palermo Protocol, Art. 3(c)\")", "");
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors[0].file", equalTo("palermo/elements.drl"))
                .body("errors[0].line", equalTo(lineOf("palermo/elements.drl", "rule \"For a child the means need not be shown\"")))
                .body("errors[0].message", equalTo("rule \"For a child the means need not be shown\" has no @citation(\"...\")"));
        assertEquals(before, version());
    }

    @Test
    void aDuplicateIdIsRejected() {
        edit("palermo/elements.drl", "@id(\"PAL-REQ-PURPOSE\")", "@id(\"PAL-REQ-ACT\")");
        given().post("/rules/reload").then()
                .body("accepted", equalTo(false))
                .body("errors[0].message", equalTo("duplicate @id(\"PAL-REQ-ACT\"): already used at palermo/elements.drl:9"));
    }

    @Test
    void aReloadThatChangesASampleCaseDecisionReportsTheCase() {
        edit(ELEMENTS, THRESHOLD, "eval( $strong >= 2 || $medium >= 2 )");
        given().post("/rules/reload").then()
                .body("accepted", equalTo(true))
                .body("changedCases.id", hasItem("girl-12-taken-to-the-gulf-for-prostitution"))
                .body("changedCases.find { it.id == 'girl-12-taken-to-the-gulf-for-prostitution' }.before", equalTo("IDENTIFIED"));
        given().post("/cases/replay").then().body("failed.id", hasItem("girl-12-taken-to-the-gulf-for-prostitution"));
    }

    @Test
    void concurrentRequestsDuringASeriesOfReloadsAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> given().contentType("application/json").body(ONE_MEDIUM_MEANS)
                        .post("/identify").then().extract().statusCode()));
            }
            for (int i = 0; i < 5; i++) {
                given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
            }
            for (Future<Integer> call : calls) {
                assertEquals(200, call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCatalogueListsEveryRuleWithItsMetadataAndOneRuleWithItsDrl() {
        given().get("/rules").then()
                .body("rules.id", hasItem("KG-CHILD-NO-MEANS-2019"))
                .body("rules.find { it.id == 'KG-CHILD-NO-MEANS-2019' }.dateEffective", equalTo("01-Jan-2019"))
                .body("rules.find { it.id == 'KG-CHILD-NO-MEANS-2019' }.todo", hasItem("confirm the date of the 2019 amendment"))
                .body("rules.find { it.id == 'PAL-CHILD-EXCEPTION' }.jurisdiction", equalTo("palermo"))
                .body("rules.citation", not(hasItem((Object) null)));
        given().get("/rules/PAL-CHILD-EXCEPTION").then().statusCode(200)
                .body("citation", equalTo("Palermo Protocol, Art. 3(c)"))
                .body("drl", org.hamcrest.Matchers.startsWith("rule \"For a child the means need not be shown\""));
        given().get("/rules/NO-SUCH-RULE").then().statusCode(404);
        given().get("/rules/coverage").then().statusCode(200).body("cases", org.hamcrest.Matchers.greaterThan(25));
    }

    // --- helpers

    static String version() {
        return given().get("/rules").then().extract().path("version");
    }

    static void meansStatus(String status) {
        given().contentType("application/json").body(ONE_MEDIUM_MEANS).post("/identify").then().statusCode(200)
                .body("elements.MEANS.status", equalTo(status));
    }

    void edit(String file, String from, String to) {
        String text = read(file);
        assertTrue(text.contains(from), file + " contains " + from);
        originals.putIfAbsent(file, text);
        write(file, text.replace(from, to));
    }

    static int lineOf(String file, String marker) {
        return RuleFiles.lineOf(COPY.resolve(file), marker);
    }

    static void waitFor(Supplier<Boolean> condition, String what) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String read(String file) {
        try {
            return Files.readString(COPY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String file, String text) {
        try {
            Files.writeString(COPY.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
