package org.tanuu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.tanuu.identify.Evaluator;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.Interview;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookCompiler;

/**
 * The engine in-JVM (JMH): one evaluation of a varied interview against an empty Drools session of the same
 * knowledge base (created, fired, disposed), in the same run. Run by bin/benchmark, or alone:
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/bench/classpath) org.tanuu.bench.EngineBenchmark</pre>
 *
 * Shorter while exploring (system properties): {@code -Dtanuu.bench.warmups=3 -Dtanuu.bench.warmupSeconds=4
 * -Dtanuu.bench.iterations=3 -Dtanuu.bench.include='palermoIdentify|kgIdentify'}. The defaults are the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {
    static {
        // As the validate command does: Drools left at TRACE throws a ClassCastException from a trace-level
        // toString of an accumulate subnetwork (Drools 10.2.0); set before any Drools class is loaded.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    RuleBook book;
    Interview[] palermo;
    Interview[] kg;
    int next;

    @Setup
    public void setUp() {
        RuleBookCompiler.Result result = new RuleBookCompiler().compile(Path.of(System.getProperty("tanuu.rules.dir", "rules")));
        if (!result.ok()) {
            throw new IllegalStateException("the rule book does not compile: " + result.problems());
        }
        book = result.ruleBook();
        palermo = read("PALERMO");
        kg = read("KG");
    }

    private Interview[] read(String jurisdiction) {
        return Interviews.bodies(book, jurisdiction).stream()
                .map(body -> InterviewReader.read(InterviewReader.parse(body.getBytes(StandardCharsets.UTF_8)), book)).toArray(Interview[]::new);
    }

    private int next() {
        next = (next + 1) % Interviews.COUNT;
        return next;
    }

    /** The baseline: a session of the PALERMO knowledge base, created, fired with nothing in it, disposed. */
    @Benchmark
    public int emptySession() {
        KieSession session = book.kieBase("PALERMO").newKieSession();
        try {
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    /** POST /identify's engine work for a PALERMO interview: one evaluation. */
    @Benchmark
    public Object palermoIdentify() {
        return Identifier.identify(book, palermo[next()]);
    }

    /** One KG evaluation on its own. */
    @Benchmark
    public Object kgEvaluation() {
        return Evaluator.evaluate(book, kg[next()], "KG");
    }

    /** POST /identify's engine work for a KG interview: the KG evaluation and the PALERMO baseline beside it. */
    @Benchmark
    public Object kgIdentify() {
        return Identifier.identify(book, kg[next()]);
    }

    public static void main(String[] args) throws Exception {
        String include = System.getProperty("tanuu.bench.include", ".*");
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName() + "\\.(emptySession|" + include + ")$")
                .forks(1)
                // Long warm-up: the rule book's MVEL constraints and the JIT take some 20 s to settle (an evaluation
                // goes from ~60 ms to ~0.1 ms); shorter warm-ups measure the warm-up.
                .warmupIterations(Integer.getInteger("tanuu.bench.warmups", 6))
                .warmupTime(TimeValue.seconds(Integer.getInteger("tanuu.bench.warmupSeconds", 5)))
                .measurementIterations(Integer.getInteger("tanuu.bench.iterations", 5)).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx256m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                .shouldFailOnError(true)
                // bytes allocated per operation (gc.alloc.rate.norm): the work an evaluation does, steady where the
                // machine is shared and times are not
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> micros = new HashMap<>();
        Map<String, Double> bytes = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            micros.put(method, r.getPrimaryResult().getScore());
            Result<?> allocated = r.getSecondaryResults().get("gc.alloc.rate.norm");
            bytes.put(method, allocated == null ? Double.NaN : allocated.getScore());
        }
        double empty = micros.get("emptySession");
        // Issue 20's targets: PALERMO identify ≤ 4×, KG identify ≤ 8×; one KG evaluation alone is shown beside them.
        for (List<String> row : List.of(
                List.of("palermoIdentify", "PALERMO identify vs an empty Drools session (in-JVM, JMH)", "4"),
                List.of("kgEvaluation", "one KG evaluation vs an empty Drools session (in-JVM, JMH)", "4"),
                List.of("kgIdentify", "KG identify (KG + PALERMO) vs an empty Drools session (in-JVM, JMH)", "8"))) {
            Double us = micros.get(row.get(0));
            if (us != null) {
                Row.print(row.get(1), String.format(Locale.ROOT, "%.1f µs vs %.1f µs; %.1f KB vs %.1f KB allocated", us, empty,
                        bytes.get(row.get(0)) / 1024, bytes.get("emptySession") / 1024), us / empty,
                        Double.parseDouble(row.get(2)), false);
            }
        }
    }
}
