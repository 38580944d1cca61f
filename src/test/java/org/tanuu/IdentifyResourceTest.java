package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** POST /identify over the Palermo baseline, through the real HTTP endpoint. Test names read as requirements. */
@QuarkusTest
class IdentifyResourceTest {

    static ValidatableResponse identify(String json) {
        return given().contentType("application/json").body(json).post("/identify").then();
    }

    static ValidatableResponse identifyAnswers(String answers) {
        return identify("{\"answers\": {" + answers + "}}").statusCode(200);
    }

    /** Every MEANS question of the questionnaire in force, answered {@code answer}, as JSON members. */
    static String everyMeansQuestion(String answer) {
        return given().get("/questionnaire").then().extract().jsonPath().<String>getList("questions.findAll { it.element == 'MEANS' }.id")
                .stream().map(id -> "\"" + id + "\": \"" + answer + "\"").collect(java.util.stream.Collectors.joining(", "));
    }

    @Nested
    class TheChildException {
        @Test
        void aChildRecruitedForForcedWorkIsIdentifiedWithoutProofOfMeans() {
            identify("""
                    {"jurisdiction": "PALERMO", "reference": "intake-2291",
                     "answers": {"person.age": 15, "person.ageBasis": "DOCUMENT", "act.recruited": "YES", "purpose.forcedWork": "YES"}}""")
                    .statusCode(200)
                    .body("decision", equalTo("IDENTIFIED"))
                    .body("score", equalTo(100))
                    .body("jurisdiction", equalTo("PALERMO"))
                    .body("reference", equalTo("intake-2291"))
                    .body("child", equalTo(true))
                    .body("childBasis", equalTo("AGE"))
                    .body("elements.ACT.status", equalTo("ESTABLISHED"))
                    .body("elements.ACT.evidence", contains("act.recruited"))
                    .body("elements.MEANS.status", equalTo("UNKNOWN"))
                    .body("elements.MEANS.required", equalTo(false))
                    .body("elements.PURPOSE.status", equalTo("ESTABLISHED"))
                    .body("flags", containsInAnyOrder("CHILD", "CHILD_LABOUR", "CHILD_PROTECTION_REFERRAL"))
                    .body("findings.id", contains("CHILD-WORST-FORM-FORCED-LABOUR"))
                    .body("missing", empty())
                    .body("jurisdictions.PALERMO.decision", equalTo("IDENTIFIED"))
                    .body("trace.id", hasItems("PAL-CHILD-AGE", "PAL-CHILD-EXCEPTION", "DEC-IDENTIFIED"))
                    .body("trace.id", not(hasItem("PAL-REQ-MEANS")))
                    .body("rulebook.version", notNullValue());
        }

        @Test
        void theSameFactsForAnAdultOnlyGiveReasonableGroundsBecauseMeansAreRequired() {
            identifyAnswers("\"person.age\": 18, \"person.ageBasis\": \"DOCUMENT\", \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\"")
                    .body("decision", equalTo("PRESUMED"))
                    .body("child", equalTo(false))
                    .body("childBasis", nullValue())
                    .body("elements.MEANS.required", equalTo(true))
                    .body("elements.MEANS.status", equalTo("UNKNOWN"))
                    .body("score", equalTo(0))
                    .body("trace.id", hasItems("PAL-REQ-MEANS", "DEC-PRESUMED"))
                    .body("missing[0].element", equalTo("MEANS"))
                    .body("missing[0].basis", equalTo("law"))
                    .body("missing.question", hasItems("means.violence", "vuln.economic"))
                    .body("missing.find { it.question == 'person.ageAtEvents' }.element", equalTo("CHILD"));
        }

        @Test
        void atSeventeenTheChildExceptionStillApplies() {
            identifyAnswers("\"person.age\": 17, \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\"")
                    .body("decision", equalTo("IDENTIFIED"));
        }

        @Test
        void theAgeAtTheTimeOfTheEventsWinsOverTheAgeAtTheInterview() {
            identifyAnswers("\"person.age\": 19, \"person.ageAtEvents\": 17, \"act.recruited\": \"YES\", \"purpose.prostitution\": \"YES\"")
                    .body("decision", equalTo("IDENTIFIED"))
                    .body("childBasis", equalTo("AGE_AT_EVENTS"))
                    .body("trace.id", hasItems("PAL-AGE-AT-EVENTS", "PAL-CHILD-AGE-AT-EVENTS", "PAL-CHILD-EXCEPTION"));
            // An age at the events above the age at the interview cannot be: refused, naming the field (issue 17, §2).
            identify("{\"answers\": {\"person.age\": 17, \"person.ageAtEvents\": 19, \"act.recruited\": \"YES\"}}")
                    .statusCode(400)
                    .body("errors.field", contains("answers.person.ageAtEvents"));
        }

        @Test
        void aPersonWhoAppearsMinorWithoutADocumentedAgeIsPresumedAChild() {
            identifyAnswers("\"person.age\": 19, \"person.ageBasis\": \"SELF_REPORTED\", \"person.appearsMinor\": \"YES\", "
                    + "\"act.transported\": \"YES\", \"purpose.prostitution\": \"YES\"")
                    .body("decision", equalTo("IDENTIFIED"))
                    .body("childBasis", equalTo("PRESUMED_MINOR"))
                    .body("flags", hasItems("CHILD", "PRESUMED_MINOR"))
                    .body("trace.id", hasItem("PAL-CHILD-PRESUMED"));
        }

        @Test
        void aDocumentedAdultAgeRebutsThePresumptionOfMinority() {
            identifyAnswers("\"person.age\": 19, \"person.ageBasis\": \"DOCUMENT\", \"person.appearsMinor\": \"YES\", "
                    + "\"act.transported\": \"YES\", \"purpose.prostitution\": \"YES\"")
                    .body("decision", equalTo("PRESUMED"))
                    .body("child", equalTo(false))
                    .body("flags", not(hasItem("PRESUMED_MINOR")));
        }
    }

    @Nested
    class EveryDecisionValue {
        @Test
        void anAdultDeceivedAboutTheJobAndForcedToWorkIsIdentified() {
            identifyAnswers("\"person.age\": 30, \"act.recruited\": \"YES\", \"means.deceivedJob\": \"YES\", \"purpose.forcedWork\": \"YES\"")
                    .body("decision", equalTo("IDENTIFIED"))
                    .body("elements.MEANS.status", equalTo("ESTABLISHED"))
                    .body("elements.MEANS.evidence", contains("means.deceivedJob"))
                    .body("flags", empty());
        }

        @Test
        void anAdultWhoseEveryMeansQuestionIsAnsweredNoIsNotIdentified() {
            identifyAnswers("\"person.age\": 30, \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\", " + everyMeansQuestion("NO"))
                    .body("decision", equalTo("NOT_IDENTIFIED"))
                    .body("elements.MEANS.status", equalTo("NOT_FOUND"))
                    .body("trace.id", hasItems("ELEM-NOT-FOUND", "DEC-NOT-IDENTIFIED"));
        }

        @Test
        void oneMeansQuestionLeftUnansweredKeepsTheMeansOpen() {
            identifyAnswers("\"person.age\": 30, \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\", "
                    + everyMeansQuestion("NO").replace("\"vuln.pastAbuse\": \"NO\", ", "").replace(", \"vuln.pastAbuse\": \"NO\"", ""))
                    .body("decision", equalTo("PRESUMED"))
                    .body("elements.MEANS.status", equalTo("UNKNOWN"))
                    .body("missing.question", contains("vuln.pastAbuse", "person.ageAtEvents", "case.eventsDate"));
        }

        @Test
        void declinedAnswersAreNeverReadAsNo() {
            identifyAnswers("\"person.age\": 30, \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\", "
                    + everyMeansQuestion("DECLINED"))
                    .body("decision", equalTo("PRESUMED"))
                    .body("elements.MEANS.status", equalTo("UNKNOWN"))
                    .body("missing.question", hasItem("means.violence"));
        }

        @Test
        void anActAloneIsInsufficientInformationAndTheResponseListsTheDecidingQuestions() {
            identifyAnswers("\"person.age\": 30, \"act.recruited\": \"YES\"")
                    .body("decision", equalTo("INSUFFICIENT_INFORMATION"))
                    .body("trace.id", hasItem("DEC-INSUFFICIENT"))
                    .body("missing.element", hasItems("MEANS", "PURPOSE"))
                    .body("missing.question", not(hasItem("act.recruited")))
                    .body("missing[0].basis", equalTo("law"));
        }

        @Test
        void anEmptyInterviewIsInsufficientInformation() {
            identifyAnswers("")
                    .body("decision", equalTo("INSUFFICIENT_INFORMATION"))
                    .body("elements.ACT.status", equalTo("UNKNOWN"));
        }
    }

    @Nested
    class Thresholds {
        @Test
        void oneAnswerInTheWordsOfTheLawEstablishesAnElement() {
            identifyAnswers("\"person.age\": 30, \"means.threats\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("ESTABLISHED"))
                    .body("elements.MEANS.score", equalTo(100))
                    .body("trace.id", hasItems("IND-LAW", "ELEM-ESTABLISHED-LAW"));
        }

        @Test
        void oneStrongIndicatorOnlyIndicatesAnElementAndAMediumOneOfTheSameDimensionEstablishesIt() {
            identifyAnswers("\"person.age\": 30, \"means.documentsTaken\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("INDICATED"))
                    .body("elements.MEANS.score", equalTo(40));
            identifyAnswers("\"person.age\": 30, \"means.documentsTaken\": \"YES\", \"means.wagesWithheld\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("ESTABLISHED"))
                    .body("elements.MEANS.evidence", contains("means.documentsTaken", "means.wagesWithheld"))
                    .body("trace.id", hasItems("ELEM-DIMENSION-INDICATORS", "ELEM-ESTABLISHED-INDICATORS"));
        }

        @Test
        void indicatorsAreCountedWithinOneDimensionNeverAcrossDimensions() {
            // strong (coercion at destination) + weak (vulnerability at destination): two dimensions, no combination
            identifyAnswers("\"person.age\": 30, \"means.documentsTaken\": \"YES\", \"vuln.unfamiliarPlace\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("INDICATED"))
                    .body("trace.id", not(hasItem("ELEM-ESTABLISHED-INDICATORS")));
            // two medium of coercion at destination + a medium of recruitment by abuse of vulnerability
            identifyAnswers("\"person.age\": 30, \"means.wagesWithheld\": \"YES\", \"means.denunciationThreat\": \"YES\", \"vuln.economic\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("INDICATED"))
                    .body("elements.MEANS.score", equalTo(75));
        }

        @Test
        void theVulnerabilityDimensionsAloneNeverEstablishTheMeans() {
            identifyAnswers("\"person.age\": 30, \"vuln.irregularStatus\": \"YES\", \"vuln.language\": \"YES\", \"vuln.dependency\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("INDICATED"))
                    .body("trace.id", hasItem("ELEM-DIMENSION-INDICATORS"))
                    .body("trace.id", not(hasItem("ELEM-ESTABLISHED-INDICATORS")));
        }

        @Test
        void forAnAdultLabourConditionsAloneOnlyIndicateThePurposeAndForAChildTheyEstablishIt() {
            identifyAnswers("\"person.age\": 30, \"purpose.excessiveHours\": \"YES\", \"purpose.noPay\": \"YES\"")
                    .body("elements.PURPOSE.status", equalTo("INDICATED"));
            identifyAnswers("\"person.age\": 30, \"purpose.excessiveHours\": \"YES\", \"purpose.noPay\": \"YES\", \"means.confined\": \"YES\"")
                    .body("elements.PURPOSE.status", equalTo("ESTABLISHED"))
                    .body("trace.id", hasItems("ELEM-DIMENSION-LAW", "ELEM-PURPOSE-ADULT-CONDITIONS-AND-COERCION"));
            identifyAnswers("\"person.age\": 12, \"purpose.excessiveHours\": \"YES\", \"purpose.noPay\": \"YES\"")
                    .body("elements.PURPOSE.status", equalTo("ESTABLISHED"))
                    .body("trace.id", hasItem("ELEM-PURPOSE-CHILD-CONDITIONS"));
        }

        @Test
        void aMediumIndicatorForAnAdultIsStrongForAChild() {
            identifyAnswers("\"person.age\": 30, \"purpose.hazardousWork\": \"YES\"")
                    .body("elements.PURPOSE.score", equalTo(25))
                    .body("trace.id", hasItem("IND-ADULT"));
            identifyAnswers("\"person.age\": 12, \"purpose.hazardousWork\": \"YES\"")
                    .body("elements.PURPOSE.score", equalTo(40))
                    .body("trace.id", hasItem("IND-CHILD"));
        }

        @Test
        void weakIndicatorsNeverEstablishAnElementOnTheirOwn() {
            identifyAnswers("\"person.age\": 30, \"vuln.unfamiliarPlace\": \"YES\", \"vuln.pastAbuse\": \"YES\"")
                    .body("elements.MEANS.status", equalTo("INDICATED"))
                    .body("elements.MEANS.score", equalTo(20));
        }
    }

    @Nested
    class TheTrace {
        @Test
        void everyFiredRuleCarriesItsCitationAndPlaceInTheRuleFiles() {
            identifyAnswers("\"person.age\": 15, \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\"")
                    .body("trace.id", everyItem(notNullValue()))
                    .body("trace.citation", everyItem(notNullValue()))
                    .body("trace.find { it.id == 'PAL-CHILD-EXCEPTION' }.citation", equalTo("Palermo Protocol, Art. 3(c)"))
                    .body("trace.find { it.id == 'PAL-CHILD-EXCEPTION' }.file", equalTo("palermo/elements.drl"))
                    .body("trace.find { it.id == 'PAL-CHILD-AGE' }.facts", contains("person.age"))
                    .body("trace.find { it.id == 'PAL-CHILD-AGE' }.line", equalTo(RuleFiles.ruleLineOf(java.nio.file.Path.of("rules/common/child.drl"), "@id(\"PAL-CHILD-AGE\")")));
        }
    }

    @Nested
    class BadInput {
        @Test
        void malformedJsonIsRefusedWithItsPosition() {
            identify("{\"answers\": {\"act.recruited\": }").statusCode(400)
                    .body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", startsWith("malformed JSON at line 1"));
        }

        @Test
        void everyOffendingFieldIsNamedAtOnce() {
            identify("""
                    {"jurisdiction": "MARS", "colour": "red",
                     "answers": {"act.recruted": "YES", "act.recruited": "MAYBE", "person.age": -1, "person.ageAtEvents": 131,
                                 "person.ageBasis": "GUESSED", "case.eventsDate": "2019-13-01", "means.threats": true}}""")
                    .statusCode(400)
                    .body("errors", hasSize(9))
                    .body("errors.field", containsInAnyOrder("jurisdiction", "colour", "answers.act.recruted", "answers.act.recruited",
                            "answers.person.age", "answers.person.ageAtEvents", "answers.person.ageBasis", "answers.case.eventsDate",
                            "answers.means.threats"))
                    .body("errors.find { it.field == 'answers.act.recruted' }.message", equalTo("unknown question id"))
                    .body("errors.find { it.field == 'answers.act.recruited' }.message", equalTo("expected one of [YES, NO, UNKNOWN, DECLINED]"))
                    .body("errors.find { it.field == 'answers.person.age' }.message", equalTo("expected a whole number from 0 to 130"))
                    .body("errors.find { it.field == 'answers.person.ageBasis' }.message",
                            equalTo("expected one of [DOCUMENT, ASSESSMENT, SELF_REPORTED, UNKNOWN]"))
                    .body("errors.find { it.field == 'jurisdiction' }.message", startsWith("unknown jurisdiction; expected one of"));
        }

        @Test
        void aDuplicatedAnswerIsRefusedRatherThanSilentlyOverwritten() {
            identify("{\"answers\": {\"act.recruited\": \"YES\", \"act.recruited\": \"NO\"}}").statusCode(400)
                    .body("errors[0].message", startsWith("malformed JSON"));
        }

        @Test
        void answersMustBeAnObject() {
            identify("{\"answers\": [\"act.recruited\"]}").statusCode(400)
                    .body("errors[0].field", equalTo("answers"));
            identify("[]").statusCode(400).body("errors[0].field", equalTo("body"));
            identify("{}").statusCode(400).body("errors[0].field", equalTo("answers"));
        }

        @Test
        void aBodyOver64KiBIsRefusedWith413() {
            String padding = "x".repeat(70 * 1024);
            identify("{\"reference\": \"" + padding + "\", \"answers\": {}}").statusCode(413)
                    .body("errors[0].field", equalTo("body"));
        }

        @Test
        void aFractionalAgeIsRefused() {
            identify("{\"answers\": {\"person.age\": 15.5}}").statusCode(400)
                    .body("errors[0].field", equalTo("answers.person.age"))
                    .body("errors[0].message", equalTo("expected a whole number"));
        }
    }
}
