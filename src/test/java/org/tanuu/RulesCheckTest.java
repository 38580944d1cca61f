package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A reviewer sends a proposed rules folder to {@code POST /rules/check} and sees what a reload would answer, while the
 * rule book in service stays. Runs on the reload tests' copy of the rules (the same Quarkus boot); the proposals are
 * archives made here from that copy, which these tests never edit.
 */
@QuarkusTest
@TestProfile(RuleReloadTest.OnACopyOfTheRules.class)
class RulesCheckTest {
    static final Path RULES = RuleReloadTest.COPY;
    static final String TEN_YEAR_OLD_ID = "kz-child-made-to-beg-in-market";
    static final String FLAGS = "flags: [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL]";
    static final String FLAGS_PROBED = "flags: [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL, TEST_PROBE]";

    @Test
    void theUnchangedRulesZippedWouldBeAcceptedAndChangeNothing() {
        String inService = RuleReloadTest.version();
        Set<Path> before = temporaryFolders();
        check("application/zip", zip(files())).statusCode(200)
                .body("wouldAccept", equalTo(true))
                .body("version", equalTo(inService))
                .body("inService", equalTo(inService))
                .body("errors", empty())
                .body("failingCases", empty())
                .body("changedCases", empty());
        assertEquals(before, temporaryFolders(), "the temporary folder is deleted");
    }

    @Test
    void anEditThatChangesACasesFlagsWouldBeRefusedNamingTheCaseAndTheVersionInServiceStays() {
        String inService = RuleReloadTest.version();
        Map<String, String> proposed = files();
        proposed.put(RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_THE_TEN_YEAR_OLD));
        check("application/zip", zip(proposed)).statusCode(200)
                .body("wouldAccept", equalTo(false))
                .body("inService", equalTo(inService))
                .body("errors.file", equalTo(List.of(RuleReloadTest.TEN_YEAR_OLD)))
                .body("errors[0].message", equalTo("flags: expected [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL], got "
                        + "[CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL, TEST_PROBE]"))
                .body("failingCases", equalTo(List.of(TEN_YEAR_OLD_ID)))
                .body("changedCases.id", equalTo(List.of(TEN_YEAR_OLD_ID)));
        given().get("/rules").then().body("version", equalTo(inService)).body("errors", empty());
    }

    @Test
    void theSameEditWithTheCasesExpectationUpdatedWouldBeAcceptedNamingTheChangedCaseAndAReloadStillLoadsTheRealFolder() {
        String inService = RuleReloadTest.version();
        Map<String, String> proposed = files();
        proposed.put(RuleFiles.PROBE, RuleFiles.probeFile(RuleReloadTest.FLAG_THE_TEN_YEAR_OLD));
        String sample = proposed.get(RuleReloadTest.TEN_YEAR_OLD);
        proposed.put(RuleReloadTest.TEN_YEAR_OLD, sample.replace(FLAGS, FLAGS_PROBED));
        String proposedVersion = check("application/zip", zip(proposed)).statusCode(200)
                .body("wouldAccept", equalTo(true))
                .body("errors", empty())
                .body("failingCases", empty())
                .body("changedCases.id", equalTo(List.of(TEN_YEAR_OLD_ID)))
                .body("changedCases[0].changes", equalTo(List.of("flags: [CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL] -> "
                        + "[CHILD, CHILD_LABOUR, CHILD_PROTECTION_REFERRAL, TEST_PROBE]")))
                .extract().path("version");
        org.junit.jupiter.api.Assertions.assertNotEquals(inService, proposedVersion);
        given().get("/rules").then().body("version", equalTo(inService));
        // The reloads' compiler never saw the proposal: a reload of the real folder is the real folder's rule book.
        given().post("/rules/reload").then().statusCode(200)
                .body("accepted", equalTo(true))
                .body("version", equalTo(inService))
                .body("changedCases", empty());
        given().contentType("application/json").body(RuleReloadTest.KG_INTERVIEW).post("/identify").then().statusCode(200)
                .body("rulebook.version", equalTo(inService));
    }

    @Test
    void aGzippedTarOfTheRulesIsCheckedAsAZipIs() {
        String inService = RuleReloadTest.version();
        check("application/gzip", gzip(tar(files(), null))).statusCode(200)
                .body("wouldAccept", equalTo(true))
                .body("version", equalTo(inService));
    }

    @Test
    void aZipSlipEntryIsRefusedWith400NamingItAndNothingIsLeftBehind() {
        Set<Path> before = temporaryFolders();
        Map<String, String> proposed = files();
        proposed.put("../outside.drl", "package common;");
        check("application/zip", zip(proposed)).statusCode(400)
                .body("errors[0].field", equalTo("../outside.drl"))
                .body("errors[0].message", startsWith("a path outside the folder"));
        check("application/zip", zip(Map.of("/etc/tanuu.drl", "package common;"))).statusCode(400)
                .body("errors[0].field", equalTo("/etc/tanuu.drl"))
                .body("errors[0].message", startsWith("an absolute path"));
        assertEquals(before, temporaryFolders());
    }

    @Test
    void aLinkInATarIsRefusedNamingIt() {
        check("application/x-tar", tar(Map.of("jurisdictions.yaml", "x"), "common/passwd.drl")).statusCode(400)
                .body("errors[0].field", equalTo("common/passwd.drl"))
                .body("errors[0].message", startsWith("a link"));
    }

    @Test
    void aBodyThatIsNotAnArchiveIsRefusedAndSoIsAnEmptyOne() {
        check("application/zip", "{\"answers\": {}}".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("not a zip archive"));
        check("application/gzip", "not gzip".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].field", equalTo("body"));
        check("application/x-tar", new byte[2048]).statusCode(400)
                .body("errors[0].message", equalTo("the archive holds no files"));
        byte[] emptyZip = new byte[22]; // the end of the central directory alone: a zip of nothing
        System.arraycopy(new byte[] {'P', 'K', 5, 6}, 0, emptyZip, 0, 4);
        check("application/zip", emptyZip).statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("the archive holds no files"));
        check("application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void aFileOverTheRulesFoldersLimitIsRefusedWith413NamingItWithoutUnpackingItAll() {
        check("application/zip", zip(Map.of("common/big.drl", "x".repeat(3 << 20)))).statusCode(413)
                .body("errors[0].field", equalTo("common/big.drl"))
                .body("errors[0].message", startsWith("is over 1 MiB unpacked"));
    }

    // --- helpers

    static ValidatableResponse check(String type, byte[] body) {
        return given().contentType(type).body(body).post("/rules/check").then();
    }

    /** The rules in service, by path. */
    static Map<String, String> files() {
        try (Stream<Path> paths = Files.walk(RULES)) {
            Map<String, String> files = new TreeMap<>();
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(RULES.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
            files.remove(RuleFiles.PROBE); // a probe the reload tests are adding, if any
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A tar of {@code files}, and a symbolic link to /etc/passwd named {@code link} (null: none). */
    static byte[] tar(Map<String, String> files, String link) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("./" + file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            if (link != null) {
                TarArchiveEntry entry = new TarArchiveEntry(link, TarArchiveEntry.LF_SYMLINK);
                entry.setLinkName("/etc/passwd");
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The dry runs' temporary folders present now. */
    static Set<Path> temporaryFolders() {
        try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return paths.filter(p -> p.getFileName().toString().startsWith("tanuu-check-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
