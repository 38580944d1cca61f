package org.tanuu.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
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
import org.tanuu.rulebook.RuleBook;

/**
 * POST /identify over HTTP with wrk (-t2 -c16, 200 varied interviews), against the test-scope JSON echo
 * ({@link EchoResource}) of the same bodies in the same application: requests per second as a ratio, and the
 * 99th percentile latency. Not a test: skipped unless run by bin/benchmark (-Dtanuu.bench=true), never in
 * ./mvnw verify (the class name matches no surefire pattern either).
 */
@QuarkusTest
class HttpBenchmark {
    static final int SECONDS = Integer.getInteger("tanuu.bench.seconds", 15);
    static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");

    @TestHTTPResource("/")
    URL base;

    @Inject
    RuleBookService ruleBooks;

    record Run(double rate, double p99Millis) {
    }

    @Test
    void identifyAgainstTheEcho() throws Exception {
        assumeTrue(Boolean.getBoolean("tanuu.bench"), "benchmark: run bin/benchmark");
        RuleBook book = ruleBooks.current();
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path palermo = Files.write(dir.resolve("palermo.jsonl"), Interviews.bodies(book, "PALERMO"), StandardCharsets.UTF_8);
        Path kg = Files.write(dir.resolve("kg.jsonl"), Interviews.bodies(book, "KG"), StandardCharsets.UTF_8);

        // Warm up every path (JIT, pools), then measure; the echo twice, before and after, to average out drift.
        wrk("bench/echo", palermo, 5);
        wrk("identify", palermo, 15); // the rule book takes some 20 s of evaluations to warm up (MVEL, JIT)
        wrk("identify", kg, 15);
        Run echo1 = wrk("bench/echo", palermo, SECONDS);
        Run pal = wrk("identify", palermo, SECONDS);
        Run kgRun = wrk("identify", kg, SECONDS);
        Run echo2 = wrk("bench/echo", palermo, SECONDS);
        double echo = (echo1.rate() + echo2.rate()) / 2;
        Row.print("POST /identify PALERMO, req/s vs same-app JSON echo (wrk -t2 -c16)",
                String.format(Locale.ROOT, "%.0f vs %.0f req/s", pal.rate(), echo), pal.rate() / echo, 0.8, true);
        Row.print("POST /identify KG (KG + PALERMO), req/s vs same-app JSON echo",
                String.format(Locale.ROOT, "%.0f vs %.0f req/s", kgRun.rate(), echo), kgRun.rate() / echo, 0.6, true);
        double echoP99 = Math.max(echo1.p99Millis(), echo2.p99Millis());
        System.out.println(String.format(Locale.ROOT, "ROW\tp99 latency at 16 connections (PALERMO)\t%.2f ms (echo %.2f ms, KG %.2f ms)\t%.2f× echo\t≤ 5 ms\t%s",
                pal.p99Millis(), echoP99, kgRun.p99Millis(), pal.p99Millis() / echoP99, pal.p99Millis() <= 5 ? "met" : "NOT MET"));
    }

    Run wrk(String path, Path bodies, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
                "-s", Path.of("bin/benchmark.lua").toAbsolutePath().toString(), base + path).redirectErrorStream(true);
        pb.environment().put("TANUU_BENCH_BODIES", bodies.toAbsolutePath().toString());
        Process wrk = pb.start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IllegalStateException("wrk on /" + path + " failed or saw errors:\n" + out);
        }
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + out);
        }
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        System.out.printf(Locale.ROOT, "wrk /%s (%s, %ds): %s req/s, p99 %.2f ms%n", path, bodies.getFileName(), seconds,
                rate.group(1), millis);
        return new Run(Double.parseDouble(rate.group(1)), millis);
    }
}
