package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule book mounted from a Kubernetes ConfigMap, as {@code bin/rules-configmap} makes it: one key per file, its
 * folder written as {@code __} ({@code common__child.drl}). The kubelet writes each version into a hidden timestamped
 * folder, points the {@code ..data} link at it, and the visible entries are links through {@code ..data}. An update
 * is one atomic rename of {@code ..data}, never a file edit; the watcher must serve the new version all the same.
 * Runs on {@link RuleFolderWatchTest}'s watched folder and profile: the folder becomes a volume, then a folder again.
 */
@QuarkusTest
@TestProfile(RuleFolderWatchTest.Watched.class)
class ConfigMapSwapTest {
    private static final Path COPY = RuleFolderWatchTest.COPY;

    @Test
    void aConfigMapUpdateSwappingTheDataLinkIsServedWithoutACall() throws IOException {
        String before = RuleReloadTest.version();
        given().get("/cases").then().statusCode(200).body("size()", equalTo(caseFiles()));

        // The watched folder becomes a mounted volume whose first version holds the probe: served once watched.
        Path volume = RuleFolderWatchTest.sibling("volume");
        Path first = volume.resolve("..2026_12_01_01");
        writeKeys(first, true);
        Files.createSymbolicLink(volume.resolve("..data"), first.getFileName());
        try (Stream<Path> entries = Files.list(first)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path name = entry.getFileName();
                Files.createSymbolicLink(volume.resolve(name), Path.of("..data").resolve(name));
            }
        }
        moveIn(volume);
        RuleFolderWatchTest.waitFor(() -> !RuleReloadTest.version().equals(before), "the watcher to serve the mounted ConfigMap");
        RuleFolderWatchTest.identify().then().statusCode(200).body("flags", hasItem("TEST_PROBE"));

        // The update: the next version, without the probe, swapped in by one rename of ..data.
        Path next = COPY.resolve("..2026_12_01_02");
        writeKeys(next, false);
        Path link = COPY.resolve("..data_tmp");
        Files.createSymbolicLink(link, next.getFileName());
        Files.move(link, COPY.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        RuleFolderWatchTest.waitFor(() -> RuleReloadTest.version().equals(before), "the watcher to serve the swapped ConfigMap");
        RuleFolderWatchTest.identify().then().statusCode(200).body("flags", not(hasItem("TEST_PROBE")))
                .body("rulebook.version", equalTo(before));

        // A plain folder again, for the other watcher tests.
        Path plain = Files.createDirectory(RuleFolderWatchTest.sibling("plain"));
        RuleFiles.copy(Path.of("rules"), plain);
        RuleFiles.write(plain, RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_PROBE));
        moveIn(plain);
        RuleFolderWatchTest.servedWithTheProbeThenWithout(before);
    }

    /** Puts {@code folder} in place of the watched one, the old one moved aside (rename cannot replace a full folder). */
    private static void moveIn(Path folder) throws IOException {
        Files.move(COPY, RuleFolderWatchTest.sibling("old"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(folder, COPY, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int caseFiles() {
        try (Stream<Path> cases = Files.list(Path.of("rules/cases"))) {
            return (int) cases.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of rules/ as a ConfigMap key (its path with '/' written as '__'); with the probe appended to the flags. */
    private static void writeKeys(Path to, boolean probe) {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            Files.createDirectories(to);
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, to.resolve(Path.of("rules").relativize(file).toString().replace("/", "__")));
            }
            if (probe) {
                Path flags = to.resolve("common__flags.drl"); // an existing key whose content changes: no new link
                Files.writeString(flags, Files.readString(flags) + "\n" + RuleReloadTest.FLAG_PROBE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
