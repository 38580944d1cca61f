package org.tanuu.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service (target/quarkus-app) started as an operator starts it, with settings of a test's own, on free
 * service and management ports: a service running on 8080/9000 is never in the way. Waits for the start line, not
 * for a time; {@link #close()} stops it.
 */
public final class PackagedService implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile(
            "Listening on: http://[^:]+:(\\d+)\\. Management interface listening on http://[^:]+:(\\d+)");
    private final Process process;
    /** Everything the service printed, for a failure's message. */
    public final List<String> output = new CopyOnWriteArrayList<>();
    public final int port;
    public final int managementPort;

    /**
     * The JVM options of the services and commands the tests start (and of the test JVMs, pom.xml): the C1 compiler
     * alone. These JVMs live seconds to minutes, and on two cores the C2 compiler's threads took a third of the
     * suite's CPU time from the tests; nothing a test asserts depends on it.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    public PackagedService(String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-Dquarkus.http.port=0", "-Dquarkus.management.port=0"));
        command.addAll(List.of(settings));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Matcher> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        started.complete(m);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            started.completeExceptionally(new AssertionError("the service exited without starting:\n" + String.join("\n", output)));
        }, "packaged-service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher m = started.get(120, TimeUnit.SECONDS);
            port = Integer.parseInt(m.group(1));
            managementPort = Integer.parseInt(m.group(2));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the packaged service did not start within 120 s:\n" + String.join("\n", output), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
