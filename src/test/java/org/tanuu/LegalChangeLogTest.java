package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tanuu.rulebook.RuleBook;

/** rules/CHANGELOG.md follows the law: a change of a rule, a parameter or the questionnaire needs its entry. */
class LegalChangeLogTest {

    @Test
    void theNewestEntryOfTheChangeLogNamesTheLawAsItStands() throws IOException {
        RuleBook book = RuleFiles.repositoryRules().ruleBook(); // compiled once for every test that reads rules/ as it is
        String newest = Files.readString(Path.of("rules/CHANGELOG.md")).split("\n## ", 3)[1];
        String named = newest.lines().filter(l -> l.startsWith("Rule book: ")).findFirst().orElse("Rule book: none").substring(11);
        assertEquals(book.versionInFull().law(), named, "the law changed and rules/CHANGELOG.md did not: add an entry (date, what "
                + "changed in law, rules, cases whose expectation moved) ending \"Rule book: " + book.versionInFull().law() + "\"");
    }

    @Test
    void theVersionTheServiceReportsNamesTheNewestEntry() throws IOException {
        RuleBook book = RuleFiles.repositoryRules().ruleBook(); // compiled once for every test that reads rules/ as it is
        String heading = Files.readString(Path.of("rules/CHANGELOG.md")).split("\n## ", 3)[1].lines().findFirst().orElseThrow();
        assertTrue(heading.matches("\\d{4}-\\d{2}-\\d{2} — .+"), "an entry's heading is its date and what changed: " + heading);
        assertEquals(heading, book.versionInFull().change());
    }
}
