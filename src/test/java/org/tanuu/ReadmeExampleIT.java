package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first {@code curl} example, sent to the packaged application, returns what the README shows: every
 * field shown, with the value shown. Two liberties, both stated in the README: {@code trace} shows only its first
 * entries, and {@code rulebook.version} changes with every edit of the rules.
 */
@QuarkusIntegrationTest
class ReadmeExampleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXAMPLE = Pattern.compile(
            "curl -s -X POST localhost:8080/identify -H 'Content-Type: application/json' -d '(\\{.*?\\})'\\s*```\\s*```json\\s*(\\{.*?\\n\\})\\s*```",
            Pattern.DOTALL);

    @Test
    void theReadmeCurlExampleReturnsTheResponseTheReadmeShows() throws IOException {
        Matcher example = EXAMPLE.matcher(Files.readString(Path.of("README.md")));
        assertTrue(example.find(), "README.md has a curl example followed by its JSON response");
        JsonNode shown = JSON.readTree(example.group(2));
        String body = given().contentType("application/json").body(example.group(1)).post("/identify")
                .then().statusCode(200).extract().asString();
        assertShown("", shown, JSON.readTree(body));
    }

    /** Every field of {@code shown} is in {@code actual} with the same value; a shown trace is a prefix of the real one. */
    static void assertShown(String path, JsonNode shown, JsonNode actual) {
        if (path.equals(".rulebook.version")) {
            return;
        }
        if (shown.isObject()) {
            assertTrue(actual != null && actual.isObject(), path + " is an object");
            for (Iterator<Map.Entry<String, JsonNode>> fields = shown.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertShown(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
            }
        } else if (shown.isArray() && path.equals(".trace")) {
            for (int i = 0; i < shown.size(); i++) {
                assertShown(path + "[" + i + "]", shown.get(i), actual.get(i));
            }
        } else {
            assertEquals(shown, actual, "README shows " + path + " as " + shown);
        }
    }
}
