package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** With the folder watcher on (the default), an edit saved in the rules folder is served without a call. */
@QuarkusTest
@TestProfile(RuleFolderWatchTest.Watched.class)
class RuleFolderWatchTest {
    static final Path COPY = RuleFiles.copyOncePerJvm("watch");

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tanuu.rules.dir", COPY.toString(), "tanuu.rules.watch", "true", "tanuu.rules.debounce", "PT0.2S");
        }
    }

    @Test
    void aNewRuleFileSavedInTheFolderIsServedAndRemovingItRestoresThePreviousRuleBook() {
        String before = RuleReloadTest.version();
        identify().then().body("flags", not(hasItem("TEST_PROBE")));
        RuleFiles.write(COPY, RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        waitFor(() -> !RuleReloadTest.version().equals(before), "the watcher to load the new rule file");
        identify().then().body("flags", hasItem("TEST_PROBE"));
        RuleFiles.write(COPY, RuleFiles.PROBE, null);
        waitFor(() -> RuleReloadTest.version().equals(before), "the watcher to load the rule book without it");
        identify().then().body("flags", not(hasItem("TEST_PROBE"))).body("rulebook.version", equalTo(before));
    }

    static io.restassured.response.Response identify() {
        return given().contentType("application/json").body(RuleReloadTest.KG_INTERVIEW).post("/identify");
    }

    /** Waits for a condition, not for a time: the watcher's delay varies with the machine's load. */
    static void waitFor(Supplier<Boolean> condition, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
