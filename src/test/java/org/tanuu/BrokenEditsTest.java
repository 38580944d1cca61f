package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each attack and each broken edit a reviewer's access allows, on the running service: the reload is refused with
 * file:line:column and a message, the last good rule book keeps serving, {@code GET /rules} shows the attempt as
 * rejected, and {@code bin/validate-rules} prints the same problem. Shares {@link RuleReloadTest}'s copy of the rules
 * and its Quarkus profile (one boot for both).
 */
@QuarkusTest
@TestProfile(RuleReloadTest.OnACopyOfTheRules.class)
class BrokenEditsTest {
    private static final Path COPY = RuleReloadTest.COPY;

    /** An edit: a file of the copy and its new content, and the problem expected (file, line or -1 for any, message start). */
    record Edit(String name, String file, byte[] content, String problemFile, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Edit probe(String name, String when, String then, String message) {
        String text = RuleFiles.probeFile(RuleFiles.rule("TEST-BROKEN", "flags", when, then));
        int line = RuleReloadTest.lineOf(text, "// HERE");
        return new Edit(name, RuleFiles.PROBE, text.getBytes(), RuleFiles.PROBE, line, message);
    }

    static Edit replace(String name, String file, String from, String to, String problemFile, String message) {
        try {
            String text = Files.readString(Path.of("rules").resolve(file));
            assertTrue(text.contains(from), file + " holds " + from);
            return new Edit(name, file, text.replace(from, to).getBytes(), problemFile, -1, message);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Edit> edits() {
        return Stream.of(
                probe("System.exit in a consequence", "", "    System.exit( 42 ); // HERE", "a rule may not call System.exit(...)"),
                probe("a file written", "", "    java.nio.file.Files.writeString( java.nio.file.Path.of( \"/tmp/leak\" ), \"x\" ); // HERE",
                        "a rule may not use java.nio.file.Files"),
                probe("System.getenv in a constraint", "    Flag( code == System.getenv( \"HOME\" ) ) // HERE", "",
                        "a rule may not call System.getenv(...)"),
                probe("System.getenv in an eval", "    eval( System.getenv( \"HOME\" ) != null ) // HERE", "",
                        "a rule may not call System.getenv(...)"),
                probe("a misspelt parameter", "    Parameter( name == \"age-of-majorty\" ) // HERE", "",
                        "no parameter age-of-majorty in parameters.yaml"),
                probe("a misspelt question id", "    Answer( question == \"person.ageAtEvent\" ) // HERE", "",
                        "no question person.ageAtEvent in questionnaire.yaml"),
                new Edit("a ruleflow group that is no layer", RuleFiles.PROBE,
                        RuleFiles.probeFile(RuleFiles.rule("TEST-BROKEN", "persons", "", "")).getBytes(), RuleFiles.PROBE, 9,
                        "rule \"TEST-BROKEN\": ruleflow-group \"persons\" is not a layer"),
                replace("an indicator without its strength", "questionnaire.yaml",
                        "    strength: M\n    child: S\n    text: \"Hazardous work", "    child: S\n    text: \"Hazardous work",
                        "questionnaire.yaml", "question 'purpose.hazardousWork': missing key \"strength\""),
                replace("an unknown key in a case", "cases/kz-child-made-to-beg-in-market.yaml", "  fired:", "  fird:",
                        "cases/kz-child-made-to-beg-in-market.yaml", "unknown key \"fird\" in expect"),
                new Edit("a rule file saved in Windows-1251", "common/zz-cyrillic.drl",
                        ("package common;\n// Статья 171\n").getBytes(Charset.forName("windows-1251")), "common/zz-cyrillic.drl", 2,
                        "not UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aBrokenEditIsRefusedWithItsPlaceTheLastGoodBookServesAndTheValidatorSaysTheSame(Edit edit) throws IOException {
        String before = RuleReloadTest.version();
        Path file = COPY.resolve(edit.file());
        byte[] original = Files.exists(file) ? Files.readAllBytes(file) : null;
        try {
            Files.write(file, edit.content());
            JsonPath attempt = given().post("/rules/reload").then().statusCode(200)
                    .body("accepted", equalTo(false)).extract().jsonPath();
            List<Map<String, Object>> errors = attempt.getList("errors");
            Map<String, Object> problem = errors.stream().filter(e -> edit.problemFile().equals(e.get("file"))
                            && String.valueOf(e.get("message")).contains(edit.message())).findFirst()
                    .orElseThrow(() -> new AssertionError(edit + ": no problem in " + edit.problemFile() + " saying "
                            + edit.message() + " in " + errors));
            int line = (Integer) problem.get("line");
            assertTrue(edit.line() < 0 ? line > 0 : line == edit.line(), edit + ": line " + line + " in " + problem);
            given().get("/rules").then().body("version", equalTo(before)).body("lastAttempt.accepted", equalTo(false));
            given().contentType("application/json").body(RuleReloadTest.KG_INTERVIEW).post("/identify").then()
                    .statusCode(200).body("rulebook.version", equalTo(before));
            ValidateRulesTest.Run run = ValidateRulesTest.validate(COPY.toString());
            assertEquals(1, run.exit(), run.out());
            String printed = COPY.resolve(edit.problemFile()) + ":" + line + ":" + problem.get("column") + ": " + problem.get("message");
            assertTrue(run.out().contains(printed), edit + ": the validator prints " + printed + "\n" + run.out());
        } finally {
            if (original == null) {
                Files.deleteIfExists(file);
            } else {
                Files.write(file, original);
            }
        }
    }

    @AfterEach
    void theRuleBookLoadsAgain() {
        given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
    }
}
