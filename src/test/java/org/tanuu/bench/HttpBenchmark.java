package org.tanuu.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tanuu.http.RuleBookService;
import org.tanuu.identify.Identifier;
import org.tanuu.identify.Interview;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;

/**
 * POST /identify over HTTP with wrk (-t2 -c16, 200 varied interviews), against the test-scope "canned" response
 * ({@link CannedResource}: all of POST /identify but the evaluation) and the JSON echo ({@link EchoResource}) of the same
 * bodies in the same application: requests per second as a ratio, the 99th percentile latency, and the CPU an
 * evaluation costs under 16 connections (the process's CPU per request over POST /identify less that over the canned
 * response) against one evaluation alone on one thread, measured in this JVM in the same run. Not a test: skipped unless run by bin/benchmark (-Dtanuu.bench=true), never in
 * ./mvnw verify (the class name matches no surefire pattern either).
 */
@QuarkusTest
class HttpBenchmark {
    static final int SECONDS = Integer.getInteger("tanuu.bench.seconds", 15);
    static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");
    static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

    @TestHTTPResource("/")
    URL base;

    @Inject
    RuleBookService ruleBooks;

    /** One wrk run: requests per second, p99, and this process's CPU per request (µs) while it ran. */
    record Run(double rate, double p99Millis, double cpuMicros) {
    }

    @Test
    void identifyAgainstTheEcho() throws Exception {
        assumeTrue(Boolean.getBoolean("tanuu.bench"), "benchmark: run bin/benchmark");
        RuleBook book = ruleBooks.current();
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path palermo = Files.write(dir.resolve("palermo.jsonl"), Interviews.bodies(book, "PALERMO"), StandardCharsets.UTF_8);
        Path kg = Files.write(dir.resolve("kg.jsonl"), Interviews.bodies(book, "KG"), StandardCharsets.UTF_8);

        // Warm up every path (JIT, pools, the canned answers), then measure; the baselines twice, before and after, to
        // average out drift.
        // A warm-up may time out (a cold rule book's first evaluations take milliseconds, more on a loaded machine): only
        // the measured runs must be free of errors.
        warmUp("bench/echo", palermo, 5);
        warmUp("bench/canned", palermo, 5);
        warmUp("bench/canned", kg, 5);
        warmUp("identify", palermo, 15); // the rule book takes some 20 s of evaluations to warm up (MVEL, JIT)
        warmUp("identify", kg, 15);
        Run echo1 = wrk("bench/echo", palermo, SECONDS);
        Run canned1 = wrk("bench/canned", palermo, SECONDS);
        Run cannedKg1 = wrk("bench/canned", kg, SECONDS);
        Run pal = wrk("identify", palermo, SECONDS);
        Run kgRun = wrk("identify", kg, SECONDS);
        Run cannedKg2 = wrk("bench/canned", kg, SECONDS);
        Run canned2 = wrk("bench/canned", palermo, SECONDS);
        Run echo2 = wrk("bench/echo", palermo, SECONDS);
        double echo = (echo1.rate() + echo2.rate()) / 2;
        double canned = (canned1.rate() + canned2.rate()) / 2;
        double cannedKg = (cannedKg1.rate() + cannedKg2.rate()) / 2;
        double alone = evaluationAlone(book, palermo);
        Row.print("POST /identify PALERMO, req/s vs the canned response (wrk -t2 -c16)",
                String.format(Locale.ROOT, "%.0f vs %.0f req/s (echo %.0f)", pal.rate(), canned, echo), pal.rate() / canned, 0.5, true);
        Row.print("POST /identify KG (KG + PALERMO), req/s vs the canned response",
                String.format(Locale.ROOT, "%.0f vs %.0f req/s", kgRun.rate(), cannedKg), kgRun.rate() / cannedKg, 0.3, true);
        Row.info("POST /identify PALERMO, req/s vs same-app JSON echo (for reference)",
                String.format(Locale.ROOT, "%.0f vs %.0f req/s", pal.rate(), echo), pal.rate() / echo);
        double cannedCpu = (canned1.cpuMicros() + canned2.cpuMicros()) / 2;
        double underLoad = pal.cpuMicros() - cannedCpu;
        Row.print("CPU of a PALERMO evaluation under 16 connections vs one alone (process CPU/request, identify - canned)",
                String.format(Locale.ROOT, "%.0f µs (%.0f - %.0f) vs %.0f µs", underLoad, pal.cpuMicros(), cannedCpu, alone),
                underLoad / alone, 1.3, false);
        double cannedP99 = Math.max(canned1.p99Millis(), canned2.p99Millis());
        System.out.println(String.format(Locale.ROOT, "ROW\tp99 latency at 16 connections, PALERMO\t%.2f ms (canned %.2f ms, KG %.2f ms)\t%.2f× canned\t≤ 3 ms\t%s",
                pal.p99Millis(), cannedP99, kgRun.p99Millis(), pal.p99Millis() / cannedP99, pal.p99Millis() <= 3 ? "met" : "NOT MET"));
    }

    /** CPU time of one PALERMO identify (µs), on this thread alone, over the benchmark's bodies after the HTTP runs warmed it. */
    static double evaluationAlone(RuleBook book, Path bodies) throws IOException {
        List<Interview> interviews = new ArrayList<>();
        for (String line : Files.readAllLines(bodies, StandardCharsets.UTF_8)) {
            interviews.add(InterviewReader.read(InterviewReader.parse(line.getBytes(StandardCharsets.UTF_8)), book));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) { // the least of seven rounds: the other sessions on this machine only add
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 5 * interviews.size(); i++) {
                Identifier.identify(book, interviews.get(i % interviews.size()));
            }
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1000.0 / (5 * interviews.size()));
        }
        return best;
    }

    void warmUp(String path, Path bodies, int seconds) throws IOException, InterruptedException {
        try {
            wrk(path, bodies, seconds);
        } catch (IllegalStateException e) {
            System.out.println("warm-up of /" + path + " saw errors (not measured): " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    Run wrk(String path, Path bodies, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", "--timeout", "10s",
                "-s", Path.of("bin/benchmark.lua").toAbsolutePath().toString(), base + path).redirectErrorStream(true);
        pb.environment().put("TANUU_BENCH_BODIES", bodies.toAbsolutePath().toString());
        long cpu = processCpuNanos();
        Process wrk = pb.start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IllegalStateException("wrk on /" + path + " failed or saw errors:\n" + out);
        }
        cpu = processCpuNanos() - cpu;
        Matcher rate = RATE.matcher(out);
        Matcher requests = REQUESTS.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rate.find() || !p99.find() || !requests.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + out);
        }
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        double cpuMicros = cpu / 1000.0 / Long.parseLong(requests.group(1));
        System.out.printf(Locale.ROOT, "wrk /%s (%s, %ds): %s req/s, p99 %.2f ms, %.0f µs CPU/request%n", path, bodies.getFileName(),
                seconds, rate.group(1), millis, cpuMicros);
        return new Run(Double.parseDouble(rate.group(1)), millis, cpuMicros);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
