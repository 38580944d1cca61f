package org.tanuu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tanuu.cases.CaseReplay;
import org.tanuu.cases.RuleBookGate;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookCompiler;
import org.tanuu.rulebook.RuleInfo;
import org.tanuu.rulebook.Translations;

/**
 * Checks a rules folder without starting the service: compiles it, checks the metadata, replays the sample
 * cases. Prints {@code file:line:column: message} for each problem and exits non-zero if there is one.
 *
 * With {@code --coverage}, also the rules no sample case makes fire and, per language of rules/i18n/, the entries
 * it has no text for.
 *
 * <pre>bin/validate-rules [--coverage] [rules-folder]</pre>
 */
public final class ValidateRules {

    private static final String USAGE = "usage: validate-rules [--coverage] [rules-folder]";

    private ValidateRules() {
    }

    public static void main(String[] args) {
        // Quiet Drools' own logging: only our report goes to the terminal. (Drools 10.2 also throws a
        // ClassCastException from a trace-level toString when its loggers are left at TRACE.)
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, System.out, System.err));
    }

    /** The command without the exit, for tests: returns 0 (sound), 1 (problems) or 2 (usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new RuleBookCompiler());
    }

    /**
     * The command with a compiler of the caller's: tests share one between runs, so a folder whose rules were compiled
     * before (in a copy whose edit is elsewhere) is not compiled again. The command itself compiles once, afresh.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, RuleBookCompiler compiler) {
        List<String> options = Arrays.stream(args).filter(a -> a.startsWith("-")).toList();
        List<String> folders = Arrays.stream(args).filter(a -> !a.startsWith("-")).toList();
        if (!List.of("--coverage").containsAll(options) || folders.size() > 1) {
            err.println(USAGE);
            return 2;
        }
        Path folder = Path.of(folders.isEmpty() ? "rules" : folders.get(0));
        RuleBookGate.Verdict verdict = RuleBookGate.check(compiler, folder, null);
        verdict.problems().forEach(p -> out.println(folder.resolve(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()));
        if (verdict.outcomes().isEmpty()) {
            err.println(verdict.problems().size() + " problem(s): the rule book would be rejected");
            return 1;
        }
        CaseReplay.Report report = CaseReplay.report(verdict.outcomes());
        RuleBook book = verdict.accepted() ? verdict.book() : null;
        if (book != null) {
            book.warnings().forEach(w -> out.println(folder.resolve(w.file()) + ":" + w.line() + ":" + w.column() + ": " + w.message()));
        }
        if (book != null && options.contains("--coverage")) {
            for (RuleInfo rule : CaseReplay.neverFired(book, verdict.outcomes())) {
                out.println(folder.resolve(rule.file()) + ":" + rule.line() + ":0: never fires in the sample cases: " + rule.id());
            }
            book.translations().untranslated().forEach((language, keys) -> keys.forEach(key ->
                    out.println(folder.resolve(Translations.FOLDER + language + ".yaml") + ":0:0: untranslated in " + language + ": " + key)));
        }
        if (book != null) {
            StringBuilder languages = new StringBuilder();
            book.translations().untranslated().forEach((language, keys) -> languages.append(languages.length() == 0 ? "" : ", ")
                    .append(language).append(' ').append(keys.isEmpty() ? "complete" : keys.size() + " untranslated")
                    .append(book.translations().language(language).reviewed() ? "" : " (draft translation)"));
            out.println("languages: " + languages);
        }
        out.println((book == null ? "rule book rejected" : "rule book " + book.version() + ": " + book.rules().size() + " rules")
                + "; sample cases: " + report.passed() + " passed, " + report.failed().size() + " failed");
        return verdict.accepted() ? 0 : 1;
    }
}
