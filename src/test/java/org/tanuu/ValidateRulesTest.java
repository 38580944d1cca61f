package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanuu.cli.ValidateRules;

/** The validate command a reviewer or a git hook runs before committing, without starting the service. */
class ValidateRulesTest {

    record Run(int exit, String out) {
    }

    static Run validate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ValidateRules.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                RuleFiles.compiler());
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    // The repository's rule book, sound with every sample case passing and no warning, is validated once, by the command
    // itself: PackagedCommandsIT.theValidateCommandPassesTheRepositoryRulesAndFailsABrokenCopy.

    @Test
    void aConditionCopiedIntoASecondRuleIsWarnedOfAndRejectsNothing(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String copied = "    Answer( question == \"migration.paidSmuggler\", value == \"YES\" )\n"
                + "    Answer(question == \"migration.freeOnArrival\", value == \"YES\") // the same test, spaced otherwise\n"
                + "    not ElementStatus( element == \"PURPOSE\", status in (\"ESTABLISHED\", \"INDICATED\") )";
        RuleFiles.write(dir, RuleFiles.PROBE, RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-COPY", "flags", copied, "")));
        Run run = validate(dir.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains(dir.resolve(RuleFiles.PROBE) + ":5:0: warning: the condition of rule TEST-PROBE-COPY is written "
                + "out again from rule SHARED-SMUGGLING (common/shared-tests.drl:"), run.out());
    }

    @Test
    void aBrokenFolderPrintsFileLineColumnAndExitsNonZero(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String broken = "    Answer( question == \"person.age\" $years : number )"; // a comma is missing
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-BROKEN", "flags", broken, ""));
        RuleFiles.write(dir, RuleFiles.PROBE, file);
        RuleFiles.write(dir, "common/zz-uncited.drl", RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-UNCITED", "flags", "", "", "citation")));
        Run run = validate(dir.toString());
        assertEquals(1, run.exit());
        int line = RuleReloadTest.lineOf(file, broken);
        int column = broken.indexOf("$years");
        assertTrue(run.out().contains(dir.resolve(RuleFiles.PROBE) + ":" + line + ":" + column + ": [ERR 102] Line " + line + ":" + column
                + " mismatched input '$years'"), run.out());
        assertTrue(run.out().contains(dir.resolve("common/zz-uncited.drl") + ":" + 5
                + ":0: rule \"TEST-PROBE-UNCITED\" has no @citation(\"...\")"), run.out());
    }

    @Test
    void aCaseWhoseExpectationNoLongerHoldsFailsWithAReadableDifference(@TempDir Path dir) throws IOException {
        RuleFiles.copy(Path.of("rules"), dir);
        Path sample;
        try (var files = Files.list(dir.resolve("cases"))) {
            sample = files.sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(sample);
        java.util.regex.Matcher decision = java.util.regex.Pattern.compile("\\n  decision: (\\w+)").matcher(text);
        assertTrue(decision.find(), sample + " expects a decision");
        String actual = decision.group(1);
        String wrong = actual.equals("PRESUMED") ? "IDENTIFIED" : "PRESUMED";
        Files.writeString(sample, text.replace("  decision: " + actual, "  decision: " + wrong));
        Run run = validate(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(sample + ":" + RuleFiles.lineOf(sample, "  decision: ") + ":0: decision: expected " + wrong
                + ", got " + actual), run.out());
    }

    @Test
    void aCaseThatExpectsNoDecisionRejectsTheRuleBook(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        RuleFiles.write(dir, "cases/zz-expects-nothing.yaml", "name: A case that expects nothing\njurisdiction: PALERMO\n"
                + "answers: {act.recruited: \"YES\"}\nexpect:\n  fired: [PAL-REQ-ACT]\n");
        Run run = validate(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(dir.resolve("cases/zz-expects-nothing.yaml")
                + ":4:1: expect needs a decision: a case that expects nothing passes whatever happens"), run.out());
    }

    @Test
    void aRuleThatMustNotFireButDoesFailsTheCase(@TempDir Path dir) throws IOException {
        RuleFiles.copy(Path.of("rules"), dir);
        RuleFiles.write(dir, RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        RuleFiles.write(dir, "cases/zz-probe-must-not-fire.yaml", "name: The probe rule must not fire\njurisdiction: PALERMO\n"
                + "answers: {person.age: 46}\nexpect:\n  decision: INSUFFICIENT_INFORMATION\n  notFired: [TEST-PROBE-FLAG]\n");
        Run run = validate(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(dir.resolve("cases/zz-probe-must-not-fire.yaml")
                + ":6:0: notFired: expected rule TEST-PROBE-FLAG not to fire; it did"), run.out());
    }

    @Test
    void aWrongArgumentIsAUsageError() {
        assertEquals(2, validate("--colour").exit());
    }
}
