package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanuu.rulebook.Bibliography;
import org.tanuu.rulebook.SourceTexts;

/** A reviewer checks a rule's @source against the cited lines, where the sources folder holds the text. */
class SourceTextsTest {
    static final Bibliography BIBLIOGRAPHY = RuleFiles.repositoryRules().ruleBook().bibliography();

    @Test
    void theCitedLinesOfATextInTheSourcesFolderAreShown(@TempDir Path sources) throws IOException {
        String file = BIBLIOGRAPHY.entry("unicef-2008:268").file();
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 1757; line++) {
            text.append("line ").append(line).append('\n');
        }
        Files.writeString(sources.resolve(file), text);
        SourceTexts.Excerpt excerpt = new SourceTexts(sources).excerpt(BIBLIOGRAPHY, "unicef-2008:267-269 (§3)");
        assertEquals(List.of("line 267", "line 268", "line 269"), excerpt.text());
        assertEquals(file, excerpt.file());
        assertNull(excerpt.note());
    }

    @Test
    void aTextThatIsNotThereSaysSo(@TempDir Path empty) {
        SourceTexts.Excerpt excerpt = new SourceTexts(empty).excerpt(BIBLIOGRAPHY, "unicef-2008:268");
        assertEquals("text not available here", excerpt.note());
        assertEquals(List.of(), excerpt.text());
        assertEquals(268, excerpt.first());
    }

    @Test
    void aTreatyCitedByArticleHasNoLinesToShow(@TempDir Path empty) {
        assertEquals("cited by article, not by line: no text to show",
                new SourceTexts(empty).excerpt(BIBLIOGRAPHY, "palermo-protocol:Art. 3(c)").note());
    }

    @Test
    void aBibliographyFileThatIsAPathIsRefused(@TempDir Path dir) throws IOException {
        RuleFiles.copy(Path.of("rules"), dir);
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, Files.readString(sources).replace("  file: 002_7c1549858bcd3e46.txt", "  file: ../../etc/passwd"));
        assertEquals(true, RuleBookFilesTest.problems(dir).stream().anyMatch(p -> p.startsWith("sources.yaml:")
                && p.endsWith("unicef-2008: file must be a file name in the sources folder, not a path: ../../etc/passwd")));
    }
}
