package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanuu.rulebook.RuleBookCompiler;
import org.tanuu.rulebook.RuleProblem;

/** A broken questionnaire, jurisdictions file or case file rejects the rule book with a message naming the place. */
class RuleBookFilesTest {

    static List<String> problems(Path dir) {
        RuleBookCompiler.Result result = RuleFiles.compile(dir);
        assertNull(result.ruleBook(), "the rule book must be rejected");
        return result.problems().stream().map(RuleProblem::toString).toList();
    }

    static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.contains(expected), "expected <" + expected + "> among\n  " + String.join("\n  ", problems));
    }

    @Test
    void theRuleBookInTheRepositoryCompilesWithoutProblems() {
        RuleBookCompiler.Result result = RuleFiles.repositoryRules();
        assertEquals(List.of(), result.problems());
        assertFalse(result.ruleBook().rules().isEmpty());
    }

    @Test
    void anEmptyFolderIsNoRuleBook(@TempDir Path dir) {
        assertEquals(List.of(dir + ":0:0: no rule files found in this folder"), problems(dir));
    }

    @Test
    void aQuestionnaireWithADuplicateIdAKindAndAnEnumWithoutValuesIsRejectedQuestionByQuestion(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        RuleFiles.write(dir, "questionnaire.yaml", """
                person:
                  - {id: person.age, kind: int, text: "Age."}
                  - {id: person.age, kind: int, text: "Age again."}
                  - {id: person.mood, kind: feeling, text: "Mood."}
                  - {id: person.sex, kind: enum, text: "Sex."}
                  - {kind: yesno, text: "No id."}
                act:
                  - {id: act.recruited, strength: S, text: "Recruited."}
                  - {id: act.transported, basis: indicator, strength: X, text: "Transported."}
                  - {id: act.transferred, basis: law, text: "Transferred."}
                """);
        List<String> problems = problems(dir);
        assertHas(problems, "questionnaire.yaml:3:6: section 'person', question 'person.age': duplicate question id");
        assertHas(problems, "questionnaire.yaml:4:23: section 'person', question 'person.mood': kind must be one of [yesno, int, enum, date]");
        assertHas(problems, "questionnaire.yaml:5:22: section 'person', question 'person.sex': an enum question needs values");
        assertHas(problems, "questionnaire.yaml:6:5: section 'person': missing key \"id\"");
        assertHas(problems, "questionnaire.yaml:8:5: section 'act', question 'act.recruited': evidence of ACT needs basis: law or basis: indicator");
        assertHas(problems, "questionnaire.yaml:9:45: section 'act', question 'act.transported': an indicator of ACT needs strength (and child) S, M or W");
        assertHas(problems, "questionnaire.yaml:10:5: section 'act', question 'act.transferred': a law question needs cites: the instrument's words it stands for");
    }

    @Test
    void aQuestionnaireThatIsNotYamlIsRejectedWithItsLine(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        RuleFiles.write(dir, "questionnaire.yaml", "person:\n  - {id: person.age\n");
        assertTrue(problems(dir).stream().anyMatch(p -> p.startsWith("questionnaire.yaml:") && p.contains("not valid YAML")));
    }

    @Test
    void aJurisdictionWithoutFoldersOrWithAnEmptyListAndAMissingJurisdictionsFileAreRejected(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        RuleFiles.write(dir, "jurisdictions.yaml", "baseline: PALERMO\ndefault: ZZ\njurisdictions:\n  PALERMO:\n    name: Palermo\n"
                + "    folders: []\n  KG:\n    name: Kyrgyz Republic\n");
        List<String> problems = problems(dir);
        assertHas(problems, "jurisdictions.yaml:6:5: PALERMO: lists no rule folders");
        assertHas(problems, "jurisdictions.yaml:7:3: KG: missing key \"folders\"");
        assertHas(problems, "jurisdictions.yaml:2:1: default: ZZ is not a jurisdiction of this file [PALERMO, KG]");
        RuleFiles.write(dir, "jurisdictions.yaml", null);
        assertHas(problems(dir), "jurisdictions.yaml:0:0: missing: the rule book needs jurisdictions.yaml");
    }

    @Test
    void aCaseFileWithoutItsPartsOrWithAnUnknownJurisdictionIsRejected(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        RuleFiles.write(dir, "cases/zz-incomplete.yaml", "name: An incomplete case\n");
        RuleFiles.write(dir, "cases/zz-on-mars.yaml", "name: A case on Mars\njurisdiction: MARS\nanswers: {}\nexpect: {decision: PRESUMED}\n");
        List<String> problems = problems(dir);
        assertHas(problems, "cases/zz-incomplete.yaml:1:1: missing key \"jurisdiction\"");
        assertHas(problems, "cases/zz-on-mars.yaml:2:1: unknown jurisdiction MARS; expected one of [PALERMO, KG, KZ]");
    }

    @Test
    void aQuestionScopedToOneJurisdictionIsContextUnderEveryOther(@TempDir Path dir) throws java.io.IOException {
        RuleFiles.copy(Path.of("rules"), dir);
        Path questionnaire = dir.resolve("questionnaire.yaml");
        String text = java.nio.file.Files.readString(questionnaire);
        java.nio.file.Files.writeString(questionnaire, text.replace("  - id: means.vaguePromise\n    basis: indicator\n",
                "  - id: means.vaguePromise\n    jurisdictions: [KG]\n    basis: indicator\n"));
        var book = RuleFiles.compile(dir).ruleBook();
        var questions = book.questionnaire();
        assertEquals("MEANS", questions.get("means.vaguePromise", "KG").element());
        assertEquals("CONTEXT", questions.get("means.vaguePromise", "PALERMO").element());
        assertNull(questions.get("means.vaguePromise", "KZ").strength());
        assertTrue(questions.get("means.vaguePromise", "KZ").dimensions().isEmpty());
        assertTrue(questions.byElement("KG").get(1).questions().contains("means.vaguePromise"));
        assertFalse(questions.byElement("PALERMO").get(1).questions().contains("means.vaguePromise"), "not needed for MEANS NOT_FOUND");

        java.nio.file.Files.writeString(questionnaire, text.replace("  - id: means.vaguePromise\n    basis: indicator\n",
                "  - id: means.vaguePromise\n    jurisdictions: [KGZ]\n    basis: indicator\n"));
        assertTrue(problems(dir).stream().anyMatch(p -> p.startsWith("questionnaire.yaml:") && p.endsWith(
                "question 'means.vaguePromise': jurisdictions must be codes of jurisdictions.yaml [PALERMO, KG, KZ]")), problems(dir).toString());
    }
}
