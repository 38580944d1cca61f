package org.tanuu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tanuu.rulebook.RuleBookCompiler;

/** Reading and copying rule files the way a reviewer sees them, for tests that assert file:line. */
final class RuleFiles {
    private RuleFiles() {
    }

    /** The 1-based line of the first line containing {@code marker}. */
    static int lineOf(Path file, String marker) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " not in " + file);
    }

    /** The line of the {@code rule "..."} header above the first line containing {@code marker}. */
    static int ruleLineOf(Path file, String marker) {
        List<String> lines = lines(file);
        for (int j = lineOf(file, marker) - 1; j >= 0; j--) {
            if (lines.get(j).startsWith("rule ")) {
                return j + 1;
            }
        }
        throw new AssertionError("no rule above " + marker + " in " + file);
    }

    /**
     * A copy of rules/ in a temporary folder, made once per JVM for {@code key}: Quarkus loads a test profile and
     * its test class in different class loaders, so a static field alone would make two copies. A system
     * property is shared by both.
     */
    private static RuleBookCompiler.Result repository;

    /**
     * One compiler for the tests of a class loader: it keeps the knowledge bases of the last two rule books it built,
     * so a copy of rules/ whose edit is not in its DRL (a questionnaire, a case, a source) compiles no rule again.
     * Each result is still the whole compilation's: the problems, or the rule book.
     */
    private static final RuleBookCompiler COMPILER = new RuleBookCompiler();

    static RuleBookCompiler compiler() {
        return COMPILER;
    }

    /** {@code folder} compiled by the tests' one compiler. */
    static synchronized RuleBookCompiler.Result compile(Path folder) {
        return COMPILER.compile(folder);
    }

    /** The repository's rules/ compiled once per class loader: each test that only reads it shares the one result. */
    static synchronized RuleBookCompiler.Result repositoryRules() {
        if (repository == null) {
            repository = compile(Path.of("rules"));
        }
        return repository;
    }

    static synchronized Path copyOncePerJvm(String key) {
        String property = "tanuu.test.rulesCopy." + key;
        String made = System.getProperty(property);
        if (made != null) {
            return Path.of(made);
        }
        try {
            Path copy = Files.createTempDirectory("tanuu-" + key + "-");
            copy(Path.of("rules"), copy);
            System.setProperty(property, copy.toString());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name of the probe rules a test adds to a copy of the rule book (compiled under every jurisdiction). */
    static final String PROBE = "common/zz-test-probe.drl";

    /** A rule in DRL with every metadata tag but those left out in {@code without}. */
    static String rule(String id, String group, String when, String then, String... without) {
        List<String> skip = List.of(without);
        return "rule \"" + id + "\"\n"
                + (skip.contains("id") ? "" : "    @id(\"" + id + "\")\n")
                + (skip.contains("title") ? "" : "    @title(\"A rule a test adds\")\n")
                + (skip.contains("citation") ? "" : "    @citation(\"None: a test probe\")\n")
                + "    ruleflow-group \"" + group + "\"\n"
                + "when\n" + when + "\nthen\n" + then + "\nend\n";
    }

    /** A DRL file of the common package holding {@code rules}. */
    static String probeFile(String... rules) {
        return "package common;\n\nimport org.tanuu.facts.*;\n\n" + String.join("\n", rules);
    }

    /** Writes (or with null deletes) {@code file} under {@code folder}. */
    static void write(Path folder, String file, String text) {
        try {
            Path path = folder.resolve(file);
            if (text == null) {
                Files.deleteIfExists(path);
            } else {
                Files.writeString(path, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
