package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With the folder watcher on (the default), an edit saved in the rules folder is served without a call, also after
 * the folder is deleted and made again, moved in, or swapped as a link. {@link ConfigMapSwapTest} shares this
 * profile and its folder (one Quarkus boot for both); each test leaves the folder as it found it.
 */
@QuarkusTest
@TestProfile(RuleFolderWatchTest.Watched.class)
class RuleFolderWatchTest {
    static final Path COPY = RuleFiles.copyOncePerJvm("watch");

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tanuu.rules.dir", COPY.toString(), "tanuu.rules.watch", "true", "tanuu.rules.debounce", "PT0.2S",
                    "tanuu.rules.recheck", "PT0.2S");
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

    @Test
    void aFolderDeletedAndMadeAgainIsWatchedAgainAndTheLastGoodRuleBookServesMeanwhile() throws IOException {
        String before = RuleReloadTest.version();
        delete(COPY);
        waitFor(() -> errors().contains("the rules folder does not exist"), "the reload of the missing folder to be rejected");
        identify().then().statusCode(200).body("rulebook.version", equalTo(before));
        Files.createDirectory(COPY);
        RuleFiles.copy(Path.of("rules"), COPY);
        RuleFiles.write(COPY, RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        servedWithTheProbeThenWithout(before);
    }

    @Test
    void aFolderMovedInInPlaceOfTheOldOneIsWatchedAgain() throws IOException {
        String before = RuleReloadTest.version();
        Path next = prepared();
        // rename(2), like mv, cannot replace a folder that is not empty: the old one goes aside first.
        Files.move(COPY, sibling("old"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(next, COPY, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        servedWithTheProbeThenWithout(before);
    }

    @Test
    void aFolderReplacedByALinkAndTheLinkSwappedToAnotherFolderAreWatchedAgain() throws IOException {
        String before = RuleReloadTest.version();
        Path aside = sibling("aside");
        Files.move(COPY, aside, StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(COPY, aside.toRealPath());
        RuleFiles.write(COPY, RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        servedWithTheProbeThenWithout(before);

        Path link = sibling("link"); // a deploy's swap: a new link renamed over the old one, in one step
        Files.createSymbolicLink(link, prepared());
        Files.move(link, COPY, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        servedWithTheProbeThenWithout(before);
    }

    /** The probe is served without a call, then removing it (an edit the re-armed watcher sees) restores {@code before}. */
    static void servedWithTheProbeThenWithout(String before) {
        waitFor(() -> !RuleReloadTest.version().equals(before), "the watcher to serve the folder with the probe");
        identify().then().body("flags", hasItem("TEST_PROBE"));
        RuleFiles.write(COPY, RuleFiles.PROBE, null);
        waitFor(() -> RuleReloadTest.version().equals(before), "the re-armed watcher to see the probe removed");
        identify().then().body("flags", not(hasItem("TEST_PROBE")));
    }

    /** A copy of rules/ with the probe, beside the watched folder (a rename cannot cross file systems). */
    private static Path prepared() throws IOException {
        Path next = Files.createDirectory(sibling("next"));
        RuleFiles.copy(COPY.toRealPath(), next); // the folder served now, so that without the probe it is the same rule book
        RuleFiles.write(next, RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        return next;
    }

    static Path sibling(String what) {
        return COPY.resolveSibling(COPY.getFileName() + "-" + what + "-" + System.nanoTime());
    }

    /** Deletes the folder, or the link when it is one (a walk does not follow the link it starts at). */
    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static List<String> errors() {
        return given().get("/rules").then().extract().jsonPath().getList("errors.message");
    }

    static io.restassured.response.Response identify() {
        return given().contentType("application/json").body(RuleReloadTest.KG_INTERVIEW).post("/identify");
    }

    /** Waits for a condition, not for a time: the watcher's delay varies with the machine's load. */
    static void waitFor(Supplier<Boolean> condition, String what) {
        long deadline = System.currentTimeMillis() + 90_000; // a loaded 2-core machine took 24 s for one reload
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
