package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every @source names an entry of rules/sources.yaml, so a reviewer who clones the repository can follow it. */
@QuarkusTest
class BibliographyTest {

    @Test
    void aRuleIsServedWithTheBibliographyEntryItsSourceNames() {
        JsonPath catalogue = given().get("/rules").then().extract().jsonPath();
        List<String> cited = catalogue.getList("rules.findAll { it.source != null }.id");
        assertTrue(cited.size() > 10, "most rules cite a source: " + cited);
        for (String id : cited) {
            JsonPath rule = given().get("/rules/{id}", id).then().statusCode(200).extract().jsonPath(); // one request a rule
            String source = rule.getString("source");
            assertEquals(source.substring(0, source.indexOf(':')), rule.getString("bibliography.id"), id);
            assertTrue(rule.get("bibliography.title") != null && rule.get("bibliography.published") != null, id + ": " + rule.prettify());
        }
    }

    @Test
    void aSourceIdNotInTheBibliographyRejectsTheRuleBook(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String rule = RuleFiles.rule("TEST-PROBE-CITED", "flags", "", "")
                .replace("    ruleflow-group", "    @source(\"who-2031:12\")\n    ruleflow-group");
        String file = RuleFiles.probeFile(rule);
        RuleFiles.write(dir, RuleFiles.PROBE, file);
        List<String> problems = RuleBookFilesTest.problems(dir);
        assertEquals(List.of(RuleFiles.PROBE + ":" + RuleReloadTest.lineOf(file, "rule \"TEST-PROBE-CITED\"") + ":0: rule \"TEST-PROBE-CITED\" "
                + "@source cites \"who-2031:12\": no source who-2031 in sources.yaml; it lists "
                + "[dol-2019-kg, dol-2019-kz, ecpat-2012, palermo-protocol, tac-auca-2019, unicef-2008]"), problems);
    }

    @Test
    void aLineBeyondTheTextEditionAndACaseCitingAnUnknownSourceAreRejected(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String rule = RuleFiles.rule("TEST-PROBE-CITED", "flags", "", "")
                .replace("    ruleflow-group", "    @source(\"unicef-2008:9999 (p. 12)\")\n    ruleflow-group");
        RuleFiles.write(dir, RuleFiles.PROBE, RuleFiles.probeFile(rule));
        RuleFiles.write(dir, "cases/zz-uncited.yaml", "name: A case citing nothing we hold\nsource: \"a newspaper\"\njurisdiction: PALERMO\n"
                + "answers: {}\nexpect: {decision: INSUFFICIENT_INFORMATION}\n");
        List<String> problems = RuleBookFilesTest.problems(dir);
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("@source cites \"unicef-2008:9999 (p. 12)\": unicef-2008 has lines 1-1757")), problems.toString());
        assertTrue(problems.contains("cases/zz-uncited.yaml:2:1: source cites \"a newspaper\": expected id:locator, with an id of sources.yaml"
                + " (or \"constructed: why\" for a made-up case)"), problems.toString());
    }

    @Test
    void theValidateCommandRejectsAnUnknownSourceToo(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String rule = RuleFiles.rule("TEST-PROBE-CITED", "flags", "", "")
                .replace("    ruleflow-group", "    @source(\"who-2031:12\")\n    ruleflow-group");
        RuleFiles.write(dir, RuleFiles.PROBE, RuleFiles.probeFile(rule));
        ValidateRulesTest.Run run = ValidateRulesTest.validate(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("no source who-2031 in sources.yaml"), run.out());
    }
}
