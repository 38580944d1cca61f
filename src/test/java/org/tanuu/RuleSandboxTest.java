package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanuu.rulebook.RuleBookCompiler;
import org.tanuu.rulebook.RuleProblem;

/**
 * A rule file is law, not code: each attack a reviewer's access allows is refused with file:line:column before the
 * Drools compiler sees it, while every construct the rule book uses stays allowed.
 */
class RuleSandboxTest {
    private static final String MARK = "ATTACK";
    static Path rules;

    @BeforeAll
    static void copyTheRules(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        rules = dir;
    }

    @Test
    void everyConstructTheRuleBookUsesIsAllowed() {
        RuleBookCompiler.Result result = RuleFiles.repositoryRules();
        assertEquals(List.of(), result.problems());
    }

    /** Each attack as a rule's when or then part; the problem is expected on the line holding it, with this message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        System.exit in a consequence    | | System.exit(42); // ATTACK | a rule may not call System.exit(...)
        a file written                  | | java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/x"), "answers"); // ATTACK | a rule may not use java.nio.file.Files: it names no class
        a file read                     | | insert( new Flag( new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/passwd"))) ) ); // ATTACK | a rule may not create String
        an environment variable read    | | insert( new Flag( System.getenv("QUARKUS_OIDC_CREDENTIALS_SECRET") ) ); // ATTACK | a rule may not call System.getenv(...)
        reflection                      | | insert( new Flag( Flag.class.getName() ) ); // ATTACK | a rule may not use a class literal
        reflection on a fact            | $f : Flag() | insert( new Flag( $f.getClass().getName() ) ); // ATTACK | a rule may not call $f.getClass(...)
        a fully qualified class         | | insert( new java.lang.Thread() ); // ATTACK | a rule may not create java.lang.Thread
        a new Thread                    | | new Thread( () -> {} ).start(); // ATTACK | a rule may not create Thread
        a loop                          | | while (true) { } // ATTACK | a rule may not use a loop (while)
        the session from drools         | | drools.getKieRuntime().halt(); // ATTACK | a rule may not call drools.getKieRuntime(...)
        update of a matched fact        | $f : Flag() | update( $f ); // ATTACK | a rule may not update a fact
        retract of a matched fact       | $f : Flag() | retract( $f ); // ATTACK | a rule may not retract a fact
        System.getenv in a constraint   | Flag( code == System.getenv("HOME") ) // ATTACK | | a rule may not call System.getenv(...)
        System.getenv in an eval        | eval( System.getenv("HOME") != null ) // ATTACK | | a rule may not call System.getenv(...)
        System.exit in a from           | Flag() from System.exit(1) // ATTACK | | a rule may not call System.exit(...)
        a typo in a fact's field        | Answer( questoin == "person.age" ) // ATTACK | | Answer has no field questoin
        """)
    void anAttackIsRefusedWithItsPlace(String attack, String when, String then, String message) throws Exception {
        Path copy = Files.createTempDirectory("tanuu-sandbox-");
        RuleFiles.copy(rules, copy);
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-SANDBOX", "flags", when == null ? "" : "    " + when,
                then == null ? "" : "    " + then));
        RuleFiles.write(copy, RuleFiles.PROBE, file);
        List<RuleProblem> problems = new RuleBookCompiler().compile(copy).problems();
        int line = RuleReloadTest.lineOf(file, MARK);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(RuleFiles.PROBE) && p.line() == line && p.column() > 0
                && p.message().startsWith(message)), attack + ": expected " + RuleFiles.PROBE + ":" + line + ":*: " + message
                + " in " + problems);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        an import of java.io             | import java.io.File; | a rule book may import only org.tanuu.facts.*
        a global                         | global java.util.List leaked; | a rule book may not declare globals (leaked)
        a function that exits            | function void quit() { System.exit(1); } | a rule may not call System.exit(...)
        a recursive function             | function int again(int n) { return again(n); } | a rule may not call again(...): a function calls only the functions declared above it
        a declared type                  | declare Leak value : String end | a rule book may not declare types (Leak)
        """)
    void aDeclarationOutsideTheAllowListIsRefused(String attack, String declaration, String message) throws Exception {
        Path copy = Files.createTempDirectory("tanuu-sandbox-");
        RuleFiles.copy(rules, copy);
        RuleFiles.write(copy, RuleFiles.PROBE, "package common;\n\nimport org.tanuu.facts.*;\n" + declaration + "\n");
        List<RuleProblem> problems = new RuleBookCompiler().compile(copy).problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(RuleFiles.PROBE) && p.line() == 4
                && p.message().startsWith(message)), attack + ": expected " + RuleFiles.PROBE + ":4: " + message + " in " + problems);
    }

    @Test
    void anAnnotationValueIsTextNotAnExpressionTheCompilerWouldRun() throws Exception {
        Path copy = Files.createTempDirectory("tanuu-sandbox-");
        RuleFiles.copy(rules, copy);
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-SANDBOX", "flags", "", "").replace(
                "@title(\"A rule a test adds\")", "@title(System.exit(3))"));
        RuleFiles.write(copy, RuleFiles.PROBE, file);
        List<RuleProblem> problems = new RuleBookCompiler().compile(copy).problems();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("@title must be a quoted text")), problems.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        a misspelt question id     | Answer( question == "person.ageAtEvent" ) | no question person.ageAtEvent in questionnaire.yaml
        a misspelt question in a list | exists Answer( question in ("purpose.prostitution", "purpose.prostitutoin") ) | no question purpose.prostitutoin in questionnaire.yaml
        a misspelt parameter       | Parameter( name == "age-of-majorty" ) | no parameter age-of-majorty in parameters.yaml
        a question read as a fact, which no session holds: its answer carries it | Question( id == "act.recruited", basis == "law" ) | unknown fact type Question; a rule matches [
        """)
    void aNameNoFileDefinesIsRefused(String what, String when, String message) throws Exception {
        Path copy = Files.createTempDirectory("tanuu-sandbox-");
        RuleFiles.copy(rules, copy);
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-TYPO", "flags", "    " + when, ""));
        RuleFiles.write(copy, RuleFiles.PROBE, file);
        List<RuleProblem> problems = new RuleBookCompiler().compile(copy).problems();
        int line = RuleReloadTest.lineOf(file, when);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(RuleFiles.PROBE) && p.line() == line
                && p.message().startsWith(message)), what + ": expected " + line + ": " + message + " in " + problems);
    }

    @Test
    void aRuleflowGroupThatIsNoLayerIsRefused() throws Exception {
        Path copy = Files.createTempDirectory("tanuu-sandbox-");
        RuleFiles.copy(rules, copy);
        RuleFiles.write(copy, RuleFiles.PROBE, RuleFiles.probeFile(RuleFiles.rule("TEST-LAYER", "persons", "", "")));
        List<RuleProblem> problems = new RuleBookCompiler().compile(copy).problems();
        assertTrue(problems.stream().anyMatch(p -> p.line() == 9 && p.message().contains(
                "ruleflow-group \"persons\" is not a layer; the layers are [person, indicators, elements, decision, flags]")),
                problems.toString());
    }

    @Test
    void aParameterNoRuleReadsIsRefused() throws Exception {
        Path copy = Files.createTempDirectory("tanuu-sandbox-");
        RuleFiles.copy(rules, copy);
        Path parameters = copy.resolve("parameters.yaml");
        Files.writeString(parameters, Files.readString(parameters)
                + "\nunread-parameter:\n  value: 3\n  citation: \"None: a test\"\n");
        List<RuleProblem> problems = new RuleBookCompiler().compile(copy).problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("parameters.yaml")
                && p.message().equals("parameter unread-parameter is read by no rule")), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.message().contains("establishing-combinations")), problems.toString());
    }
}
