package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule book mounted from a Kubernetes ConfigMap, as {@code bin/rules-configmap} makes it: one key per file, its
 * folder written as {@code __} ({@code common__child.drl}). The kubelet writes each version into a hidden timestamped
 * folder, points the {@code ..data} link at it, and the visible entries are links through {@code ..data}. An update
 * is one atomic rename of {@code ..data}, never a file edit; the watcher must serve the new version all the same.
 */
@QuarkusTest
@TestProfile(ConfigMapSwapTest.Mounted.class)
class ConfigMapSwapTest {
    static final Path VOLUME = mountOncePerJvm();

    public static class Mounted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tanuu.rules.dir", VOLUME.toString(), "tanuu.rules.watch", "true", "tanuu.rules.debounce", "PT0.2S");
        }
    }

    @Test
    void aConfigMapUpdateSwappingTheDataLinkIsServedWithoutACall() throws IOException {
        given().get("/rules").then().statusCode(200).body("errors", empty());
        String before = RuleReloadTest.version();
        given().get("/cases").then().statusCode(200).body("size()", equalTo(caseFiles()));

        Path next = VOLUME.resolve("..2026_12_01_02");
        writeKeys(next);
        Path flags = next.resolve("common__flags.drl"); // an existing key whose content changes: no new link to make
        Files.writeString(flags, Files.readString(flags) + "\n" + RuleReloadTest.FLAG_PROBE);
        Path link = VOLUME.resolve("..data_tmp");
        Files.createSymbolicLink(link, next.getFileName());
        Files.move(link, VOLUME.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        RuleFolderWatchTest.waitFor(() -> !RuleReloadTest.version().equals(before), "the watcher to serve the swapped ConfigMap");
        given().contentType("application/json").body(RuleReloadTest.KG_INTERVIEW).post("/identify")
                .then().statusCode(200).body("flags", hasItem("TEST_PROBE"))
                .body("rulebook.version", equalTo(RuleReloadTest.version()));
    }

    /** The ConfigMap layout, made once per JVM (the profile and the test class load in different class loaders). */
    static synchronized Path mountOncePerJvm() {
        String made = System.getProperty("tanuu.test.configMap");
        if (made != null) {
            return Path.of(made);
        }
        try {
            Path volume = Files.createTempDirectory("tanuu-configmap-");
            Path first = volume.resolve("..2026_12_01_01");
            writeKeys(first);
            Files.createSymbolicLink(volume.resolve("..data"), first.getFileName());
            try (Stream<Path> entries = Files.list(first)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path name = entry.getFileName();
                    Files.createSymbolicLink(volume.resolve(name), Path.of("..data").resolve(name));
                }
            }
            System.setProperty("tanuu.test.configMap", volume.toString());
            return volume;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int caseFiles() {
        try (Stream<Path> cases = Files.list(Path.of("rules/cases"))) {
            return (int) cases.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of rules/ as a ConfigMap key: its path with '/' written as '__'. */
    private static void writeKeys(Path to) {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            Files.createDirectories(to);
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, to.resolve(Path.of("rules").relativize(file).toString().replace("/", "__")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
