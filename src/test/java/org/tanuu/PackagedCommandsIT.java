package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged service and the validate command, run as an operator or a reviewer runs them. */
class PackagedCommandsIT {
    static final String BROKEN = "    Answer( question == \"person.age\" $years : number )"; // a comma is missing

    record Run(int exit, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The tests' JVM options for every java the command starts, bin/validate-rules's too (the JVM notes them in the output).
        builder.environment().put("JDK_JAVA_OPTIONS", String.join(" ", org.tanuu.ops.PackagedService.JVM_OPTIONS));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 120 s: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A copy of rules/ with a syntax error in a new file; returns the expected {@code file:line:column} prefix. */
    static String breakCopy(Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String file = RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-BROKEN", "flags", BROKEN, ""));
        RuleFiles.write(dir, RuleFiles.PROBE, file);
        return RuleFiles.PROBE + ":" + RuleReloadTest.lineOf(file, BROKEN) + ":" + BROKEN.indexOf("$years") + ": [ERR 102]";
    }

    @Test
    void theServiceStartedOnABrokenRuleBookExitsWithCode1AndNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        String where = breakCopy(dir);
        Run run = service("-Dtanuu.rules.dir=" + dir);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains(where), "expected " + where + " in\n" + run.output());
        assertTrue(run.output().contains("was rejected: the service stops"), run.output());
    }

    /**
     * Told to listen beyond loopback without authentication, on the service port or the management interface, or to
     * trust a proxy, the service refuses before binding any port. The test holds both ports the service is given
     * (on loopback, which a bind of the same port on any address collides with): a service that bound, or tried to,
     * would fail on them ("Port ... seems to be in use") instead of refusing, and would never say it listens.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-Dquarkus.http.host=0.0.0.0", "-Dquarkus.management.host=0.0.0.0",
            "-Dquarkus.http.proxy.proxy-address-forwarding=true"})
    void theEmbeddedDefaultRefusesToListenBeyondLoopbackOrTrustAProxyBeforeBindingAnyPort(String settings) throws Exception {
        try (ServerSocket service = held(); ServerSocket management = held()) {
            List<String> command = new ArrayList<>(List.of(settings));
            command.add("-Dquarkus.http.port=" + service.getLocalPort());
            command.add("-Dquarkus.management.port=" + management.getLocalPort());
            Run run = service(command.toArray(String[]::new));
            assertEquals(1, run.exit(), run.output());
            String setting = settings.substring(2);
            assertTrue(run.output().contains(setting + (setting.endsWith("forwarding=true") ? " trusts a proxy's headers" : " listens beyond this machine")),
                    run.output());
            for (String named : List.of("QUARKUS_OIDC_TENANT_ENABLED=true", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                    "before listening on any port")) {
                assertTrue(run.output().contains(named), "expected " + named + " in\n" + run.output());
            }
            for (String bound : List.of("seems to be in use", "Unable to bind", "Listening on", "listening on http")) {
                assertFalse(run.output().contains(bound), "no port was bound or tried: " + bound + " in\n" + run.output());
            }
            assertFalse(run.output().contains("operation=reload"), "refused before the rule book is loaded:\n" + run.output());
        }
    }

    /** A free loopback port, listening until closed. */
    private static ServerSocket held() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    /** The packaged service on free ports, with {@code settings} added. */
    static Run service(String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.management.port=0"));
        command.addAll(List.of(settings));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return run(command);
    }

    @Test
    void theValidateCommandPassesTheRepositoryRulesAndFailsABrokenCopy(@TempDir Path dir) throws Exception {
        // The two runs are independent: side by side, as two reviewers would run them (a JVM's start is mostly one core).
        String where = breakCopy(dir);
        CompletableFuture<Run> brokenRun = CompletableFuture.supplyAsync(() -> {
            try {
                return run(List.of("bin/validate-rules", dir.toString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Run sound = run(List.of("bin/validate-rules", "rules"));
        assertEquals(0, sound.exit(), sound.output());
        assertTrue(sound.output().contains("failed") && sound.output().contains(" 0 failed"), sound.output());
        assertTrue(sound.output().lines().noneMatch(l -> l.contains("warning:")), "no warning: " + sound.output());
        Run broken = brokenRun.get(150, TimeUnit.SECONDS);
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().contains(dir.resolve(where.substring(0, where.indexOf(':'))) + where.substring(where.indexOf(':'))),
                broken.output());
    }
}
