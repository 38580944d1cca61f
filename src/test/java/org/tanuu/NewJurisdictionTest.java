package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A jurisdiction from files alone: a fourth rule book (a folder, its entry in jurisdictions.yaml, its parameter values,
 * two sample cases) added to the running service's rules is served, listed and replayed — no Java, no rebuild. Shares
 * {@link RuleReloadTest}'s copy of the rules and its Quarkus profile.
 */
@QuarkusTest
@TestProfile(RuleReloadTest.OnACopyOfTheRules.class)
class NewJurisdictionTest {
    private static final Path COPY = RuleReloadTest.COPY;

    static final String DEFINITION = """
            // A jurisdiction added by a test: Palermo's definition, under a law of its own.
            package xx;

            import org.tanuu.facts.*;

            rule "The act is required"
                @id("XX-REQ-ACT")
                @title("The act is required")
                @citation("Law XX on trafficking in persons, Art. 1 (a test)")
                ruleflow-group "elements"
            when
            then
                insertLogical( new Required( "ACT" ) );
            end

            rule "The purpose of exploitation is required"
                @id("XX-REQ-PURPOSE")
                @title("The purpose of exploitation is required")
                @citation("Law XX on trafficking in persons, Art. 1 (a test)")
                ruleflow-group "elements"
            when
            then
                insertLogical( new Required( "PURPOSE" ) );
            end

            rule "The means are required unless the law exempts this person"
                @id("XX-REQ-MEANS")
                @title("The means are required, unless the child exception applies")
                @citation("Law XX on trafficking in persons, Art. 1 (a test)")
                ruleflow-group "elements"
            when
                not NotRequired( element == "MEANS" )
            then
                insertLogical( new Required( "MEANS" ) );
            end

            rule "For a child the means need not be shown"
                @id("XX-CHILD-EXCEPTION")
                @title("Child exception: for a child, act and purpose suffice")
                @citation("Law XX on trafficking in persons, Art. 1(3) (a test)")
                ruleflow-group "elements"
                salience 50
            when
                Child()
            then
                insertLogical( new NotRequired( "MEANS" ) );
            end
            """;

    static final String ADULT_CASE = """
            name: An adult recruited by deception for forced work is identified under law XX
            source: "constructed: a jurisdiction a test adds"
            jurisdiction: XX
            answers:
              person.age: 30
              person.ageBasis: "DOCUMENT"
              act.recruited: "YES"
              means.deceivedJob: "YES"
              purpose.forcedWork: "YES"
            expect:
              decision: IDENTIFIED
              jurisdictions: {XX: IDENTIFIED, PALERMO: IDENTIFIED}
              fired: [XX-REQ-MEANS]
            """;

    static final String CHILD_CASE = """
            name: A child recruited for forced work is identified under law XX without the means
            source: "constructed: a jurisdiction a test adds"
            jurisdiction: XX
            answers:
              person.age: 15
              person.ageBasis: "DOCUMENT"
              act.recruited: "YES"
              purpose.forcedWork: "YES"
            expect:
              decision: IDENTIFIED
              jurisdictions: {XX: IDENTIFIED, PALERMO: IDENTIFIED}
              fired: [XX-CHILD-EXCEPTION]
              notFired: [XX-REQ-MEANS]
            """;

    @Test
    void aFourthJurisdictionAddedWithFilesAloneIsServedListedAndReplayed() throws IOException {
        Path jurisdictions = COPY.resolve("jurisdictions.yaml");
        Path parameters = COPY.resolve("parameters.yaml");
        String jurisdictionsBefore = Files.readString(jurisdictions);
        String parametersBefore = Files.readString(parameters);
        String kzWork = "  KZ:\n    - value: 16\n      citation: \"Labor Code of the Republic of Kazakhstan, Art. 31\"\n";
        assertTrue(parametersBefore.contains(kzWork), "parameters.yaml gives KZ its minimum age for work");
        try {
            Files.createDirectories(COPY.resolve("xx"));
            Files.writeString(COPY.resolve("xx/trafficking-law.drl"), DEFINITION);
            Files.writeString(jurisdictions, jurisdictionsBefore + "  XX:\n    name: Republic of XX\n    folders: [common, xx]\n");
            Files.writeString(parameters, parametersBefore.replace(kzWork, kzWork
                    + "  XX:\n    - value: 14\n      citation: \"Labour Code of XX, Art. 7 (a test)\"\n"));
            Files.writeString(COPY.resolve("cases/xx-adult-recruited-by-deception.yaml"), ADULT_CASE);
            Files.writeString(COPY.resolve("cases/xx-child-recruited-for-forced-work.yaml"), CHILD_CASE);

            given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true), "errors", equalTo(java.util.List.of()));
            given().get("/jurisdictions").then().statusCode(200).body("code", hasItems("PALERMO", "KG", "KZ", "XX"));
            given().contentType("application/json").body(Map.of("jurisdiction", "XX", "answers", Map.of("person.age", 15,
                            "act.recruited", "YES", "purpose.forcedWork", "YES")))
                    .post("/identify").then().statusCode(200)
                    .body("jurisdiction", equalTo("XX"))
                    .body("decision", equalTo("IDENTIFIED"))
                    .body("jurisdictions.PALERMO.decision", equalTo("IDENTIFIED"))
                    .body("trace.id", hasItem("XX-CHILD-EXCEPTION"));
            given().get("/parameters/minimum-age-for-work").then().statusCode(200)
                    .body("jurisdictions.XX[0].value", equalTo(14));
            given().post("/cases/replay").then().statusCode(200).body("failed", equalTo(java.util.List.of()));
            given().get("/cases").then().body("id", hasItems("xx-adult-recruited-by-deception", "xx-child-recruited-for-forced-work"));
        } finally {
            Files.writeString(jurisdictions, jurisdictionsBefore);
            Files.writeString(parameters, parametersBefore);
            Files.deleteIfExists(COPY.resolve("xx/trafficking-law.drl"));
            Files.deleteIfExists(COPY.resolve("xx"));
            Files.deleteIfExists(COPY.resolve("cases/xx-adult-recruited-by-deception.yaml"));
            Files.deleteIfExists(COPY.resolve("cases/xx-child-recruited-for-forced-work.yaml"));
            given().post("/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
        }
    }
}
