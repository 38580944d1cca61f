package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanuu.facts.Question;
import org.tanuu.rulebook.RuleBookCompiler;

/**
 * Every YAML file of the rule book is read against its schema: an unknown key, a missing key or a value of the
 * wrong type rejects the rule book with the file, the line and column of the key, and the key's name.
 */
class RuleBookSchemaTest {

    /** Replaces the one occurrence of {@code from} in a file of the copy. */
    static void edit(Path dir, String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            assertEquals(text.indexOf(from), text.lastIndexOf(from), from + " occurs once in " + file);
            assertTrue(text.contains(from), from + " not in " + file);
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file:line:column} of the first occurrence of {@code marker}, as a problem names it. */
    static String at(Path dir, String file, String marker) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    return file + ":" + (i + 1) + ":" + (lines.get(i).indexOf(marker) + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(marker + " not in " + file);
    }

    static Path copy(Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        return dir;
    }

    @Test
    void anUnknownKeyInTheExpectationOfACaseIsNamedWithItsLineAndTheKeysExpected(@TempDir Path dir) {
        String file = "cases/probe-kg-child-2017-act-and-means-indicated.yaml";
        edit(copy(dir), file, "  notFired:", "  notfird:");
        RuleBookFilesTest.assertHas(RuleBookFilesTest.problems(dir), at(dir, file, "notfird") + ": unknown key \"notfird\" in expect; "
                + "expected one of [decision, jurisdictions, flags, findings, offence, elements, fired, notFired]");
    }

    @Test
    void aMisspeltStrengthInACombinationIsAProblemNotAZero(@TempDir Path dir) {
        edit(copy(dir), "parameters.yaml", "{medium: 2, weak: 1}", "{meduim: 2, weak: 1}");
        RuleBookFilesTest.assertHas(RuleBookFilesTest.problems(dir), at(dir, "parameters.yaml", "meduim")
                + ": establishing-combinations[3]: unknown key \"meduim\"; expected one of [strong, medium, weak, mediumOrWeak]");
    }

    @Test
    void anIndicatorQuestionWithoutAStrengthIsAProblemAtTheQuestion(@TempDir Path dir) {
        edit(copy(dir), "questionnaire.yaml", "  - id: means.deceivedDocuments\n    basis: indicator\n    dimensions: [deceptive-recruitment]\n    strength: M\n",
                "  - id: means.deceivedDocuments\n    basis: indicator\n    dimensions: [deceptive-recruitment]\n");
        RuleBookFilesTest.assertHas(RuleBookFilesTest.problems(dir), at(dir, "questionnaire.yaml", "id: means.deceivedDocuments")
                + ": section 'means', question 'means.deceivedDocuments': missing key \"strength\": an indicator of MEANS needs strength S, M or W");
    }

    @Test
    void anIndicatorMustNameDimensionsOfItsOwnElement(@TempDir Path dir) {
        edit(copy(dir), "questionnaire.yaml", "  - id: means.deceivedDocuments\n    basis: indicator\n    dimensions: [deceptive-recruitment]\n",
                "  - id: means.deceivedDocuments\n    basis: indicator\n    dimensions: [exploitative-conditions]\n");
        edit(dir, "questionnaire.yaml", "  - id: purpose.noPay\n    basis: indicator\n    dimensions: [exploitative-conditions]\n",
                "  - id: purpose.noPay\n    basis: indicator\n    dimensions: [exploitation]\n");
        List<String> problems = RuleBookFilesTest.problems(dir);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("questionnaire.yaml:") && p.endsWith(
                ": section 'means', question 'means.deceivedDocuments': dimension 'exploitative-conditions' is evidence of PURPOSE, not MEANS")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("questionnaire.yaml:") && p.endsWith(
                ": section 'purpose', question 'purpose.noPay': unknown dimension 'exploitation'; expected one of [deceptive-recruitment, "
                + "coercive-recruitment, vulnerability-recruitment, exploitative-conditions, coercion-at-destination, vulnerability-at-destination]")),
                problems.toString());
    }

    @Test
    void theCombinationsSayWhereTheyAreCounted(@TempDir Path dir) {
        edit(copy(dir), "parameters.yaml", "    - scope: dimension\n", "    - scope: element\n");
        List<String> problems = RuleBookFilesTest.problems(dir);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("parameters.yaml:") && p.endsWith(
                ": establishing-combinations[0]: scope must be one of [dimension] (the rules count the indicators within one ILO/EC dimension)")),
                problems.toString());
    }

    @Test
    void aTextWhereANumberIsExpectedAndANumberWhereATextIsExpectedAreProblems(@TempDir Path dir) {
        copy(dir);
        edit(dir, "sources.yaml", "  lines: 383\n", "  lines: \"383\"\n");
        edit(dir, "questionnaire.yaml", "    max: 168\n", "    max: lots\n");
        edit(dir, "jurisdictions.yaml", "folders: [common, kz]", "folders: [common, 7]");
        edit(dir, "cases/kg-boy-given-to-herder-2017.yaml", "  decision: IDENTIFIED", "  decision: 3");
        List<String> problems = RuleBookFilesTest.problems(dir);
        RuleBookFilesTest.assertHas(problems, at(dir, "sources.yaml", "lines: \"383\"") + ": dol-2019-kg: key \"lines\": expected a whole number, found a text");
        RuleBookFilesTest.assertHas(problems, at(dir, "questionnaire.yaml", "max: lots")
                + ": section 'context', question 'work.hoursPerWeek': key \"max\": expected a whole number, found a text");
        RuleBookFilesTest.assertHas(problems, at(dir, "jurisdictions.yaml", "7]") + ": KZ: folders[1]: expected a text, found a whole number");
        RuleBookFilesTest.assertHas(problems, at(dir, "cases/kg-boy-given-to-herder-2017.yaml", "decision: 3")
                + ": key \"decision\" in expect: expected a text, found a whole number");
    }

    @Test
    void aMissingRequiredKeyInTheJurisdictionsAndTheSourcesIsNamed(@TempDir Path dir) {
        copy(dir);
        edit(dir, "jurisdictions.yaml", "    name: Republic of Kazakhstan\n", "");
        edit(dir, "sources.yaml", "  published: UNICEF, Bishkek, 2008, 90 p., ISBN 978-9967-24-771-0\n", "");
        List<String> problems = RuleBookFilesTest.problems(dir);
        RuleBookFilesTest.assertHas(problems, at(dir, "jurisdictions.yaml", "KZ:") + ": KZ: missing key \"name\"");
        RuleBookFilesTest.assertHas(problems, at(dir, "sources.yaml", "unicef-2008:") + ": unicef-2008: missing key \"published\"");
        assertEquals(2, problems.size(), "a broken entry is one problem, not one per citation or case of it: " + problems);
    }

    @Test
    void anEmptyFileAListForAMapAnEmptyListItemAndADuplicateKeyAreProblemsNotExceptions(@TempDir Path dir) {
        copy(dir);
        RuleFiles.write(dir, "parameters.yaml", "# nothing here yet\n");
        RuleFiles.write(dir, "sources.yaml", "- palermo-protocol\n- unicef-2008\n");
        RuleFiles.write(dir, "cases/zz-a-list-of-answers.yaml", "name: Answers as a list\njurisdiction: PALERMO\nanswers: [act.recruited]\n"
                + "expect: [IDENTIFIED]\n");
        RuleFiles.write(dir, "cases/zz-twice-named.yaml", "name: One name\nname: Another name\n");
        RuleFiles.write(dir, "cases/zz-a-number.yaml", "42\n");
        edit(dir, "questionnaire.yaml", "\ncontext:\n", "\nextra: 5\nmore: a text\ncontext:\n");
        edit(dir, "questionnaire.yaml", "values: [F, M, X, UNKNOWN]", "values: [F, M, ~, UNKNOWN]");
        edit(dir, "jurisdictions.yaml", "folders: [common, kz]", "folders: [common, ~]");
        RuleFiles.write(dir, "cases/zz-an-empty-answer.yaml", "name: An answer left empty\njurisdiction: PALERMO\nanswers: {person.age: ~}\n"
                + "expect: {decision: INSUFFICIENT_INFORMATION, flags: [CHILD, ~]}\n");
        List<String> problems = RuleBookFilesTest.problems(dir);
        RuleBookFilesTest.assertHas(problems, "parameters.yaml:1:1: the file is empty: it must be a map of name to {description, values, and values per jurisdiction}");
        RuleBookFilesTest.assertHas(problems, "sources.yaml:1:1: the file is a list: it must be a map of source id to its entry");
        RuleBookFilesTest.assertHas(problems, "cases/zz-a-list-of-answers.yaml:4:1: key \"expect\": expected a map, found a list");
        RuleBookFilesTest.assertHas(problems, "cases/zz-a-number.yaml:1:1: the file is a whole number: it must be a map with name, summary, source, jurisdiction, answers and expect");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("cases/zz-twice-named.yaml:2:") && p.contains("Duplicate field 'name'")), problems.toString());
        RuleBookFilesTest.assertHas(problems, at(dir, "questionnaire.yaml", "extra: 5") + ": section 'extra': expected a list of questions, found a whole number");
        RuleBookFilesTest.assertHas(problems, at(dir, "questionnaire.yaml", "more: a text") + ": section 'more': expected a list of questions, found a text");
        RuleBookFilesTest.assertHas(problems, at(dir, "questionnaire.yaml", "~, UNKNOWN]")
                + ": section 'person', question 'person.sex': values[2]: expected a text, found no value");
        RuleBookFilesTest.assertHas(problems, at(dir, "jurisdictions.yaml", "~]") + ": KZ: folders[1]: expected a text, found no value");
        RuleBookFilesTest.assertHas(problems, at(dir, "cases/zz-an-empty-answer.yaml", "~]") + ": expect.flags[1]: expected a text, found no value");
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("cases/zz-an-empty-answer.yaml:3:")), "answers are checked on replay, not here");
    }

    @Test
    void everyQuestionTextIsAWholeSentence() {
        RuleBookCompiler.Result result = RuleFiles.repositoryRules();
        assertEquals(List.of(), result.problems());
        List<String> cut = new ArrayList<>();
        int questions = 0;
        for (Question q : result.ruleBook().questionnaire().all()) {
            questions++;
            // A text cut at a comma ends mid-sentence: "Someone offered".
            if (!(q.text().endsWith(".") || q.text().endsWith("?")) || !Character.isUpperCase(q.text().charAt(0))) {
                cut.add(q.id() + ": " + q.text());
            }
        }
        assertEquals(List.of(), cut, "question texts that are not a whole sentence");
        assertTrue(questions >= 62, "the questionnaire holds at least 62 questions, found " + questions);
        assertEquals("Someone offered, arranged or talked the person into the job, trip or marriage that led to the situation.",
                result.ruleBook().questionnaire().get("act.recruited").text());
    }

    @Test
    void aQuestionOnOneLineWhoseTextHasAnUnquotedCommaIsRejectedNotCut(@TempDir Path dir) {
        copy(dir);
        edit(dir, "questionnaire.yaml", "  - id: act.recruited\n    basis: law\n    cites: \"recruitment\"\n"
                        + "    text: \"Someone offered, arranged or talked the person into the job, trip or marriage that led to the situation.\"\n",
                "  - {id: act.recruited, basis: law, cites: \"recruitment\", text: Someone offered, arranged or talked the"
                        + " person into the job, trip or marriage that led to the situation.}\n");
        RuleBookFilesTest.assertHas(RuleBookFilesTest.problems(dir), at(dir, "questionnaire.yaml", "arranged or talked")
                + ": section 'act', question 'act.recruited': unknown key \"arranged or talked the person into the job\"; expected one of "
                + "[id, kind, values, element, basis, cites, dimensions, strength, child, text, min, max, jurisdictions]");
    }
}
