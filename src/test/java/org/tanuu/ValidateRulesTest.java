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
        int exit = ValidateRules.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theRuleBookInTheRepositoryIsSoundAndEverySampleCasePasses() {
        Run run = validate("rules");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("failed") && run.out().contains(" 0 failed"), run.out());
    }

    @Test
    void aBrokenFolderPrintsFileLineColumnAndExitsNonZero(@TempDir Path dir) throws IOException {
        RuleFiles.copy(Path.of("rules"), dir);
        Path child = dir.resolve("common/child.drl");
        Files.writeString(child, Files.readString(child)
                .replace("Answer( question == \"person.ageAtEvents\", $years : number )", "Answer( question == \"person.ageAtEvents\" $years : number )"));
        Path palermo = dir.resolve("palermo/elements.drl");
        Files.writeString(palermo, Files.readString(palermo).replace("@citation(\"Palermo Protocol, Art. 3(c)\")", ""));
        Run run = validate(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(dir.resolve("common/child.drl") + ":17:45: [ERR 102] Line 17:45 mismatched input '$years'"), run.out());
        assertTrue(run.out().contains(palermo + ":" + RuleFiles.lineOf(palermo, "rule \"For a child the means need not be shown\"")
                + ":0: rule \"For a child the means need not be shown\" has no @citation(\"...\")"), run.out());
    }

    @Test
    void aCaseWhoseExpectationNoLongerHoldsFailsWithAReadableDifference(@TempDir Path dir) throws IOException {
        RuleFiles.copy(Path.of("rules"), dir);
        Path sample = dir.resolve("cases/girl-12-taken-to-the-gulf-for-prostitution.yaml");
        Files.writeString(sample, Files.readString(sample).replace("decision: IDENTIFIED", "decision: PRESUMED"));
        Run run = validate(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(sample + ":1:0: decision: expected PRESUMED, got IDENTIFIED"), run.out());
    }

    @Test
    void aWrongArgumentIsAUsageError() {
        assertEquals(2, validate("--colour").exit());
    }
}
