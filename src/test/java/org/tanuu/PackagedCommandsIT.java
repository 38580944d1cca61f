package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service and the validate command, run as an operator or a reviewer runs them. */
class PackagedCommandsIT {
    static final String BROKEN = "    Answer( question == \"person.age\" $years : number )"; // a comma is missing

    record Run(int exit, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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

    @Test
    void theServiceToldToListenBeyondLoopbackWithoutAuthenticationRefusesToStartAndNamesTheSettings() throws Exception {
        Run run = service("-Dquarkus.http.host=0.0.0.0");
        assertEquals(1, run.exit(), run.output());
        for (String setting : List.of("quarkus.http.host=0.0.0.0", "QUARKUS_OIDC_TENANT_ENABLED=true", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "QUARKUS_OIDC_CLIENT_ID")) {
            assertTrue(run.output().contains(setting), "expected " + setting + " in\n" + run.output());
        }
    }

    @Test
    void theEmbeddedDefaultRefusesAManagementInterfaceBeyondLoopbackAndTrustingAProxy() throws Exception {
        Run management = service("-Dquarkus.management.host=0.0.0.0");
        assertEquals(1, management.exit(), management.output());
        assertTrue(management.output().contains("quarkus.management.host=0.0.0.0 listens beyond this machine"), management.output());
        Run proxy = service("-Dquarkus.http.proxy.proxy-address-forwarding=true");
        assertEquals(1, proxy.exit(), proxy.output());
        assertTrue(proxy.output().contains("quarkus.http.proxy.proxy-address-forwarding=true"), proxy.output());
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
        Run sound = run(List.of("bin/validate-rules", "rules"));
        assertEquals(0, sound.exit(), sound.output());
        assertTrue(sound.output().contains(" 0 failed"), sound.output());
        String where = breakCopy(dir);
        Run broken = run(List.of("bin/validate-rules", dir.toString()));
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().contains(dir.resolve(where.substring(0, where.indexOf(':'))) + where.substring(where.indexOf(':'))),
                broken.output());
    }
}
