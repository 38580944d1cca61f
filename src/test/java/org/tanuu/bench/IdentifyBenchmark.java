package org.tanuu.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tanuu.identify.Evaluator;
import org.tanuu.identify.Interview;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.http.RuleBookService;

/**
 * Throughput of POST /identify against the framework's own empty endpoint (GET /ping), and of one evaluation
 * against one empty Drools session, measured in the same run and printed as ratios (machines here are shared
 * and noisy: absolute times mean little). Bounded in count; loopback only. Skipped unless asked for:
 *
 * <pre>./mvnw test -Dtest=IdentifyBenchmark -Dtanuu.bench=true</pre>
 */
@QuarkusTest
class IdentifyBenchmark {
    static final int THREADS = 4;
    static final int REQUESTS = 20_000;
    static final String INTERVIEW = "{\"jurisdiction\": \"KG\", \"answers\": {\"person.age\": 15, \"act.recruited\": \"YES\","
            + " \"means.deceivedJob\": \"YES\", \"purpose.forcedWork\": \"YES\", \"offence.committed\": \"YES\"}}";

    @TestHTTPResource("/")
    URL base;

    @Inject
    RuleBookService ruleBooks;

    @Test
    void identifyStaysCloseToTheEmptyEndpoint() throws Exception {
        assumeTrue(Boolean.getBoolean("tanuu.bench"), "benchmark: run with -Dtanuu.bench=true");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(base + "ping")).GET().build();
        HttpRequest identify = HttpRequest.newBuilder(URI.create(base + "identify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INTERVIEW)).build();
        load(client, ping, REQUESTS / 4);      // warm-up
        load(client, identify, REQUESTS / 4);
        double pingRate = load(client, ping, REQUESTS);
        double identifyRate = load(client, identify, REQUESTS);
        System.out.printf("BENCH http: GET /ping %.0f req/s, POST /identify (KG + PALERMO) %.0f req/s, ratio %.2f%n",
                pingRate, identifyRate, identifyRate / pingRate);

        RuleBook book = ruleBooks.current();
        Interview interview = InterviewReader.read(new ObjectMapper().readTree(INTERVIEW), book);
        double evaluate = perSecond(() -> Evaluator.evaluate(book, interview, "KG"), 50_000);
        double emptySession = perSecond(() -> {
            book.kieBase("KG").newKieSession().dispose();
            return null;
        }, 50_000);
        System.out.printf("BENCH engine: one KG evaluation %.1f us, an empty session %.1f us, ratio %.1f%n",
                1e6 / evaluate, 1e6 / emptySession, emptySession / evaluate);
    }

    static double load(HttpClient client, HttpRequest request, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < count / THREADS; i++) {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new AssertionError("HTTP " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static double perSecond(Supplier<?> work, int count) {
        for (int i = 0; i < count / 5; i++) {
            work.get();
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            work.get();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
