package org.tanuu.rulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Turns a rules folder into a {@link RuleBook}, or into the list of problems that stop it from being one.
 * Plain Java with no framework, so the validate command and the service share it.
 */
public final class RuleBookCompiler {
    static final String QUESTIONNAIRE = "questionnaire.yaml";
    static final String JURISDICTIONS = "jurisdictions.yaml";
    static final String CASES = "cases/";
    static final String CHANGELOG = "CHANGELOG.md";
    /** How a sample case that no source reports says so: {@code source: "constructed: why"}. */
    static final String CONSTRUCTED = "constructed:";
    private static final List<String> REQUIRED_TAGS = List.of("id", "title", "citation");
    /** KieBuilder reports column 0; the parser's real position is in the text, e.g. "[ERR 102] Line 12:8 ...". */
    private static final Pattern LINE_COLUMN = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Sessions made ahead in each jurisdiction's pool; the pool grows to the number of concurrent evaluations. */
    private static final int SESSIONS = 2;

    /** Compiles jurisdictions side by side; daemon threads, so a command-line run still exits. */
    private static final ExecutorService BUILDERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "rule-book-compiler");
                t.setDaemon(true);
                return t;
            });

    private final ClassLoader classLoader;
    private final Limits limits;
    /** Knowledge bases of the last rule book (each with its session pool), by jurisdiction and content hash of its DRL. */
    private volatile Map<String, Built> compiled = Map.of();
    /** The last rule book this compiler accepted: files with the same content hash give the same rule book. */
    private volatile RuleBook last;

    public RuleBookCompiler() {
        this(RuleBookCompiler.class.getClassLoader(), Limits.DEFAULT);
    }

    public RuleBookCompiler(ClassLoader appClassLoader, Limits limits) {
        this.classLoader = new CachingClassLoader(appClassLoader);
        this.limits = limits;
    }

    /** The outcome of one compilation: a rule book, or the problems (never both). */
    public record Result(RuleBook ruleBook, List<RuleProblem> problems) {
        public boolean ok() {
            return ruleBook != null;
        }
    }

    public Result compile(Path folder) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> files = RulesFolder.read(folder, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems)); // compiling without the unreadable files would only add noise
        }
        if (files.isEmpty()) {
            return new Result(null, List.of(new RuleProblem(folder.toString(), 0, 0, "no rule files found in this folder")));
        }
        RuleBook previous = last;
        String version = version(files);
        if (previous != null && previous.version().equals(version)) {
            return new Result(previous.reloaded(Instant.now()), List.of()); // unchanged: compiling would give the same
        }
        Jurisdiction.Declared declared = Jurisdiction.readAll(readYaml(files, JURISDICTIONS, problems), JURISDICTIONS,
                Translations.codes(files.keySet()), problems);
        Map<String, Jurisdiction> jurisdictions = declared.all();
        Questionnaire questionnaire = Questionnaire.read(readYaml(files, QUESTIONNAIRE, problems), QUESTIONNAIRE, jurisdictions.keySet(), problems);
        Bibliography bibliography = Bibliography.read(readYaml(files, Bibliography.FILE, problems), problems);
        Parameters parameters = Parameters.read(readYaml(files, Parameters.FILE, problems), jurisdictions.keySet(), bibliography, problems);
        Map<String, PackageDescr> drl = parseAll(files, problems);
        List<RuleInfo> rules = catalogue(files, drl, bibliography, problems);
        List<SampleCase> cases = readCases(files, jurisdictions, bibliography, problems);
        Publication publication = Publication.read(files, questionnaire, rules, problems); // i18n/*.yaml, htcds.yaml
        // Only a rule book every file of which is parsed and within the sandbox reaches the Drools compiler: the
        // compiler itself runs code (annotation values are MVEL). Metadata problems do not stop it, so a reviewer
        // sees every problem in one pass.
        Map<String, List<String>> readers = new TreeMap<>();
        List<RuleProblem> unsafe = sandbox(files, drl, questionnaire, parameters, readers);
        problems.addAll(unsafe);
        boolean compilable = !jurisdictions.isEmpty() && unsafe.isEmpty() && drl.size() == drlFiles(files).size();
        Map<String, Built> kieBases = compilable ? build(files, jurisdictions, problems) : Map.of();
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        RuleBook book = new RuleBook(new RuleBook.Version(version, version(law(files)), newestChange(files.get(CHANGELOG))),
                Instant.now(), questionnaire, declared, kieBases, rules, cases, bibliography, parameters.readBy(readers), limits,
                publication);
        last = book;
        return new Result(book, List.of());
    }

    /** The files that state the law (not the cases, the bibliography or the guides): what CHANGELOG.md must follow. */
    private static Map<String, String> law(Map<String, String> files) {
        Map<String, String> law = new TreeMap<>(files);
        law.keySet().removeIf(name -> !name.endsWith(".drl") && !Set.of(QUESTIONNAIRE, JURISDICTIONS, Parameters.FILE).contains(name));
        return law;
    }

    /** The heading of the newest entry of CHANGELOG.md ({@code ## date — what}), or null without one. */
    private static String newestChange(String changelog) {
        return changelog == null ? null : changelog.lines().filter(l -> l.startsWith("## ")).findFirst()
                .map(l -> l.substring(3).strip()).orElse(null);
    }

    /**
     * The version a rule book compiled from {@code folder} would have (its content hash), whether or not it compiles;
     * null when the folder cannot be read.
     */
    public static String version(Path folder) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> files = RulesFolder.read(folder, problems);
        return problems.isEmpty() && !files.isEmpty() ? version(files) : null;
    }

    private static String version(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a YAML file the rule book needs; each reader parses it strictly, so problems have lines. */
    private static String readYaml(Map<String, String> files, String name, List<RuleProblem> problems) {
        String text = files.get(name);
        if (text == null) {
            problems.add(new RuleProblem(name, 0, 0, "missing: the rule book needs " + name));
        }
        return text;
    }

    /** Reads the sample cases (cases/*.yaml); their answers are checked when they are replayed. */
    private static List<SampleCase> readCases(Map<String, String> files, Map<String, Jurisdiction> jurisdictions,
                                              Bibliography bibliography, List<RuleProblem> problems) {
        List<SampleCase> cases = new ArrayList<>();
        files.keySet().stream().filter(f -> f.startsWith(CASES) && f.endsWith(".yaml")).forEach(file -> {
            SampleCase sample = SampleCase.read(file, files.get(file), jurisdictions.keySet(), bibliography, problems);
            if (sample != null) {
                cases.add(sample);
            }
        });
        return List.copyOf(cases);
    }

    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s+", " ");
    }

    private static List<String> drlFiles(Map<String, String> files) {
        return files.keySet().stream().filter(f -> f.endsWith(".drl")).toList();
    }

    /** Every DRL file parsed, by file; a file that does not parse is a problem at the parser's line and column. */
    private static Map<String, PackageDescr> parseAll(Map<String, String> files, List<RuleProblem> problems) {
        Map<String, PackageDescr> parsed = new TreeMap<>();
        for (String file : drlFiles(files)) {
            DrlParser parser = new DrlParser();
            try {
                PackageDescr pkg = parser.parse(false, files.get(file));
                if (!parser.hasErrors() && pkg != null) {
                    parsed.put(file, pkg);
                    continue;
                }
                parser.getErrors().forEach(e -> problems.add(e instanceof ParserError p
                        ? new RuleProblem(file, Math.max(p.getRow(), 0), Math.max(p.getCol(), 0), oneLine(p.getMessage()))
                        : new RuleProblem(file, 0, 0, oneLine(e.getMessage()))));
            } catch (DroolsParserException | RuntimeException e) {
                problems.add(new RuleProblem(file, 0, 0, "cannot parse: " + e.getMessage()));
            }
            if (problems.stream().noneMatch(p -> p.file().equals(file))) {
                problems.add(new RuleProblem(file, 0, 0, "cannot parse this file as DRL"));
            }
        }
        return parsed;
    }

    /**
     * Rules are law, not code ({@link RuleSandbox}); and every question, parameter and layer a rule names exists, and
     * every parameter is read by some rule.
     */
    private static List<RuleProblem> sandbox(Map<String, String> files, Map<String, PackageDescr> drl, Questionnaire questionnaire,
                                             Parameters parameters, Map<String, List<String>> readers) {
        Set<String> functions = new HashSet<>();
        drl.values().forEach(pkg -> pkg.getFunctions().forEach(f -> functions.add(f.getName())));
        Set<String> sections = new HashSet<>();
        questionnaire.all().forEach(q -> sections.add(q.id().substring(0, Math.max(q.id().indexOf('.'), 0))));
        Set<String> declared = new TreeSet<>();
        parameters.all().forEach(p -> declared.add(p.name()));
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (Map.Entry<String, PackageDescr> entry : drl.entrySet()) {
            RuleSandbox.Report report = RuleSandbox.check(entry.getKey(), files.get(entry.getKey()), entry.getValue(), functions);
            problems.addAll(report.problems());
            for (RuleSandbox.Reference q : report.questions()) {
                if (questionnaire.get(q.value()) == null) {
                    problems.add(new RuleProblem(q.file(), q.line(), q.column(), "no question " + q.value() + " in " + QUESTIONNAIRE));
                }
            }
            for (RuleSandbox.Reference q : report.questionLike()) {
                String section = q.value().contains(".") ? q.value().substring(0, q.value().indexOf('.')) : null;
                if (sections.contains(section) && !q.value().contains(" ") && questionnaire.get(q.value()) == null) {
                    problems.add(new RuleProblem(q.file(), q.line(), q.column(), "no question " + q.value() + " in " + QUESTIONNAIRE));
                }
            }
            for (RuleSandbox.Reference p : report.parameters()) {
                read.add(p.value());
                List<String> rules = readers.computeIfAbsent(p.value(), name -> new ArrayList<>());
                if (!rules.contains(p.rule())) {
                    rules.add(p.rule());
                }
                if (!declared.contains(p.value())) {
                    problems.add(new RuleProblem(p.file(), p.line(), p.column(), "no parameter " + p.value() + " in "
                            + Parameters.FILE + "; it has " + declared));
                }
            }
        }
        declared.stream().filter(name -> !read.contains(name)).forEach(name ->
                problems.add(new RuleProblem(Parameters.FILE, 0, 0, "parameter " + name + " is read by no rule")));
        return problems;
    }

    /** Reads every rule's metadata and place, and checks the metadata conventions. */
    private static List<RuleInfo> catalogue(Map<String, String> files, Map<String, PackageDescr> drl, Bibliography bibliography,
                                            List<RuleProblem> problems) {
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        drl.forEach((file, pkg) -> {
            String[] lines = files.get(file).split("\n", -1);
            for (RuleDescr rule : pkg.getRules()) {
                RuleInfo info = ruleInfo(file, pkg.getName(), rule, lines);
                checkTags(info, rule, problems);
                if (rule.getAttributes().get("ruleflow-group") == null) {
                    problems.add(new RuleProblem(file, rule.getLine(), 0, "rule \"" + rule.getName()
                            + "\" names no layer: add ruleflow-group, one of " + org.tanuu.facts.Vocabulary.LAYERS));
                }
                String cited = info.source() == null ? null : bibliography.problem(info.source());
                if (cited != null) {
                    problems.add(new RuleProblem(file, rule.getLine(), 0, "rule \"" + rule.getName() + "\" @source " + cited));
                }
                RuleInfo twin = info.id() == null ? null : byId.putIfAbsent(info.id(), info);
                if (twin != null) {
                    problems.add(new RuleProblem(file, rule.getLine(), 0, "duplicate @id(\"" + info.id()
                            + "\"): already used at " + twin.file() + ":" + twin.line()));
                }
                rules.add(info);
            }
        });
        return List.copyOf(rules);
    }

    private static RuleInfo ruleInfo(String file, String packageName, RuleDescr rule, String[] lines) {
        List<String> todo = rule.getAnnotations().stream().filter(a -> a.getName().equals("todo"))
                .map(a -> String.valueOf(a.getSingleValueStripped())).toList();
        int end = Math.min(Math.max(rule.getEndLine(), rule.getLine()), lines.length);
        String drl = String.join("\n", Arrays.asList(lines).subList(Math.max(rule.getLine() - 1, 0), end));
        String folder = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
        return new RuleInfo(tag(rule, "id"), tag(rule, "title"), tag(rule, "citation"), tag(rule, "source"), todo,
                folder, file, rule.getLine(), attribute(rule, "date-effective"), attribute(rule, "date-expires"),
                packageName, rule.getName(), drl);
    }

    private static void checkTags(RuleInfo info, RuleDescr rule, List<RuleProblem> problems) {
        for (String tag : REQUIRED_TAGS) {
            if (tag(rule, tag) == null) {
                problems.add(new RuleProblem(info.file(), rule.getLine(), 0, "rule \"" + rule.getName() + "\" has no @" + tag + "(\"...\")"));
            }
        }
    }

    private static String tag(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValueStripped() == null) {
            return null;
        }
        String value = String.valueOf(annotation.getSingleValueStripped()).replace("\\\"", "\"").strip();
        return value.isEmpty() ? null : value;
    }

    private static String attribute(RuleDescr rule, String name) {
        AttributeDescr attribute = rule.getAttributes().get(name);
        return attribute == null ? null : attribute.getValue().replace("\"", "");
    }

    /**
     * One jurisdiction's knowledge base and the pool of sessions made from it, or the problems that stopped it. The
     * pool lives as long as its knowledge base: a reload that keeps the knowledge base keeps its warm sessions.
     */
    record Built(KieBase kieBase, KieSessionsPool sessions, List<RuleProblem> problems) {
        Built(KieBase kieBase) {
            this(kieBase, kieBase.newKieSessionsPool(SESSIONS), List.of());
        }
    }

    /**
     * Compiles one KieBase per jurisdiction from its folders, the jurisdictions in parallel. A jurisdiction whose
     * DRL files are unchanged since the last compilation keeps its KieBase: a reload of an unchanged rule book
     * compiles nothing.
     */
    private Map<String, Built> build(Map<String, String> files, Map<String, Jurisdiction> jurisdictions,
                                       List<RuleProblem> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, CompletableFuture<Built>> builds = new LinkedHashMap<>();
        for (Jurisdiction j : jurisdictions.values()) {
            Map<String, String> drl = new TreeMap<>(files);
            drl.keySet().removeIf(name -> !name.endsWith(".drl") || j.folders().stream().noneMatch(f -> name.startsWith(f + "/")));
            drl.put("#folders", String.join(",", j.folders())); // the package list is part of what is built
            String key = j.code() + "@" + version(drl);
            keys.put(j.code(), key);
            Built cached = compiled.get(key);
            builds.put(j.code(), cached != null ? CompletableFuture.completedFuture(cached)
                    : CompletableFuture.supplyAsync(() -> build(j, drl), BUILDERS));
        }
        Map<String, Built> bases = new LinkedHashMap<>();
        List<RuleProblem> found = new ArrayList<>();
        builds.forEach((code, build) -> {
            Built built = build.join();
            found.addAll(built.problems());
            bases.put(code, built);
        });
        // Each KieBase reports a shared file's errors again; a syntax error also adds "null Package" noise.
        List<RuleProblem> distinct = found.stream().distinct().toList();
        List<RuleProblem> telling = distinct.stream().filter(p -> !p.message().equals("Parser returned a null Package")).toList();
        problems.addAll(telling.isEmpty() ? distinct : telling);
        if (!found.isEmpty()) {
            return Map.of();
        }
        Map<String, Built> kept = new HashMap<>();
        keys.forEach((code, key) -> kept.put(key, bases.get(code)));
        compiled = kept; // only what this rule book uses: the cache never grows beyond one rule book
        return bases;
    }

    /** Compiles one jurisdiction, on a fresh release so builds never collide. */
    private Built build(Jurisdiction jurisdiction, Map<String, String> drl) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader); // Drools resolves dialects through it; null dialects otherwise
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.tanuu", "rulebook-" + jurisdiction.code(), "1." + BUILDS.incrementAndGet());
        try {
            KieModuleModel module = ks.newKieModuleModel();
            KieBaseModel base = module.newKieBaseModel(jurisdiction.code());
            jurisdiction.folders().forEach(base::addPackage);
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            kfs.writeKModuleXML(module.toXML());
            drl.forEach((name, text) -> {
                if (name.endsWith(".drl")) {
                    kfs.write("src/main/resources/" + name, text);
                }
            });
            KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll();
            List<RuleProblem> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                    .map(RuleBookCompiler::problem).toList();
            if (!errors.isEmpty()) {
                return new Built(null, null, errors);
            }
            return new Built(ks.newKieContainer(releaseId, classLoader).getKieBase(jurisdiction.code()));
        } finally {
            ks.getRepository().removeKieModule(releaseId); // the KieBase stays usable; the repository must not grow
            thread.setContextClassLoader(previous);
        }
    }

    private static RuleProblem problem(Message message) {
        String file = message.getPath() == null ? "" : message.getPath().replaceFirst("^src/main/resources/", "");
        int line = message.getLine();
        int column = message.getColumn();
        Matcher m = LINE_COLUMN.matcher(message.getText());
        if (m.find()) {
            line = line > 0 ? line : Integer.parseInt(m.group(1));
            column = column > 0 ? column : Integer.parseInt(m.group(2));
        }
        return new RuleProblem(file, Math.max(line, 0), Math.max(column, 0), message.getText().strip().replaceAll("\\s+", " "));
    }
}
