package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanuu.rulebook.RuleBookCompiler;
import org.tanuu.rulebook.RuleProblem;
import org.tanuu.rulebook.RulesFolder;

/**
 * A file in the rules folder that cannot be read as a rule book's text (another encoding, binary, unreadable, a
 * loop, a link out of the folder, too big) rejects the rule book with a problem naming it; nothing is thrown.
 */
class RulesFolderTest {

    /** The problems of compiling {@code dir}, which must be rejected without an exception. */
    static List<RuleProblem> problems(Path dir) {
        RuleBookCompiler.Result result = RuleFiles.compile(dir);
        assertNull(result.ruleBook(), "the rule book must be rejected");
        return result.problems();
    }

    /** The one problem about {@code file}; fails listing them all when there is not exactly one. */
    static RuleProblem problemAbout(Path dir, String file) {
        List<RuleProblem> problems = problems(dir);
        List<RuleProblem> about = problems.stream().filter(p -> p.file().equals(file)).toList();
        assertEquals(1, about.size(), "one problem about " + file + " among " + problems);
        return about.get(0);
    }

    static Path copyOfTheRules(Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        return dir;
    }

    @Test
    void aDrlSavedInWindows1251IsAProblemAtTheLineOfItsFirstCyrillicLetter(@TempDir Path dir) throws IOException {
        String probe = RuleFiles.probeFile("// Вербовка: a note in Russian\n" + RuleReloadTest.FLAG_PROBE);
        Files.write(copyOfTheRules(dir).resolve(RuleFiles.PROBE), probe.getBytes(Charset.forName("windows-1251")));
        RuleProblem problem = problemAbout(dir, RuleFiles.PROBE);
        assertEquals(RuleReloadTest.lineOf(probe, "Вербовка"), problem.line());
        assertEquals(3, problem.column());
        assertTrue(problem.message().startsWith("not UTF-8 text: byte 0xC2 at offset "), problem.message());
        assertTrue(problem.message().endsWith("save the file as UTF-8"), problem.message());
    }

    @Test
    void aBinaryFileOrTextSavedAsUtf16IsAProblemNamingTheFile(@TempDir Path dir) throws IOException {
        copyOfTheRules(dir);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};
        Files.write(dir.resolve("common/logo.drl"), png);
        Files.write(dir.resolve("common/utf16.drl"), "package common;\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(problemAbout(dir, "common/logo.drl").message().startsWith("not UTF-8 text: byte 0x89 at offset 0"));
        RuleProblem utf16 = problemAbout(dir, "common/utf16.drl");
        assertEquals(1, utf16.line());
        assertTrue(utf16.message().startsWith("holds a NUL character"), utf16.message());
    }

    @Test
    void anUnreadableFileIsAProblemNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = copyOfTheRules(dir).resolve(RuleFiles.PROBE);
        Files.writeString(file, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // Root reads a file whatever its mode, so under root (a container's default) there is nothing to observe.
        assumeFalse(Files.isReadable(file), "running as root: chmod 000 does not stop root from reading the file");
        assertEquals(new RuleProblem(RuleFiles.PROBE, 0, 0, "cannot be read: permission denied"), problemAbout(dir, RuleFiles.PROBE));
    }

    @Test
    void aLinkBackToAFolderAboveAndALinkToItselfAreProblemsNotAnException(@TempDir Path dir) throws IOException {
        copyOfTheRules(dir);
        Files.createSymbolicLink(dir.resolve("common/again"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("common/self.drl"), Path.of("self.drl"));
        assertEquals(new RuleProblem("common/again", 0, 0, "a link back to a folder that contains it (a loop): refused"),
                problemAbout(dir, "common/again"));
        String self = problemAbout(dir, "common/self.drl").message();
        assertTrue(self.startsWith("cannot be followed: too many levels of symbolic links"), self);
    }

    @Test
    void aLinkToAFileOrFolderOutsideTheRulesFolderIsRefusedNamingTheLink(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        copyOfTheRules(rules);
        Path secret = Files.writeString(elsewhere.resolve("secret.drl"), "package common;\n");
        Files.createSymbolicLink(rules.resolve("common/secret.drl"), secret);
        Files.createSymbolicLink(rules.resolve("shared"), elsewhere);
        Files.createSymbolicLink(rules.resolve("up.md"), Path.of("../elsewhere/secret.drl"));
        assertEquals("a link to a file outside the rules folder (" + secret.toRealPath() + "): refused",
                problemAbout(rules, "common/secret.drl").message());
        assertEquals("a link to a folder outside the rules folder (" + elsewhere.toRealPath() + "): refused",
                problemAbout(rules, "shared").message());
        assertTrue(problemAbout(rules, "up.md").message().startsWith("a link to a file outside the rules folder"));
    }

    @Test
    void aFileOverTheSizeCapAndAFolderOverTheTotalCapAreRefusedWithoutReadingThem(@TempDir Path dir) throws IOException {
        copyOfTheRules(dir);
        String big = "// a comment line of a file too big to be a rule file\n".repeat(RulesFolder.MAX_FILE_BYTES / 50);
        RuleFiles.write(dir, RuleFiles.PROBE, "package common;\n" + big);
        long size = Files.size(dir.resolve(RuleFiles.PROBE));
        assertEquals(new RuleProblem(RuleFiles.PROBE, 0, 0, "is " + size + " bytes: a rule book file may hold at most 1 MiB"),
                problemAbout(dir, RuleFiles.PROBE));

        RuleFiles.write(dir, RuleFiles.PROBE, null);
        String almost = "#".repeat(RulesFolder.MAX_FILE_BYTES - 1) + "\n";
        for (int i = 0; i < RulesFolder.MAX_TOTAL_BYTES / RulesFolder.MAX_FILE_BYTES; i++) {
            RuleFiles.write(dir, "notes-" + i + ".md", almost);
        }
        List<RuleProblem> problems = problems(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().equals("the rules folder holds more than 16 MiB: not read further"), problems.toString());
    }

    @Test
    void aMissingFolderAFileForAFolderAndAFileOfAnotherKindAreProblems(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-folder");
        assertEquals(List.of(new RuleProblem(missing.toString(), 0, 0, "the rules folder does not exist")), problems(missing));
        Path file = Files.writeString(dir.resolve("rules.drl"), "package common;\n");
        assertEquals(List.of(new RuleProblem(file.toString(), 0, 0, "the rules folder is not a folder")), problems(file));

        Path rules = Files.createDirectory(dir.resolve("rules"));
        copyOfTheRules(rules);
        RuleFiles.write(rules, "notes.txt", "a note");
        RuleFiles.write(rules, ".notes.txt", "hidden: skipped");
        RuleFiles.write(rules, "common/flags.drl~", "an editor's backup: skipped");
        assertEquals(List.of(new RuleProblem("notes.txt", 0, 0, "not a rule book file: the rules folder holds .drl, .yaml,"
                + " .yml, .md files (a name starting with a dot is skipped)")), problems(rules));
    }

    @Test
    void theRulesInTheRepositoryReadWithoutProblemsAndAByteOrderMarkIsDropped(@TempDir Path dir) throws IOException {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> files = RulesFolder.read(Path.of("rules"), problems);
        assertEquals(List.of(), problems);
        assertTrue(files.containsKey("README.md") && files.containsKey("common/flags.drl"), files.keySet().toString());
        Files.write(dir.resolve("a.md"), "\uFEFFtext".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("a.md", "text"), RulesFolder.read(dir, problems));
        assertFalse(problems.iterator().hasNext());
    }
}
