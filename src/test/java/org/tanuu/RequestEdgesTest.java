package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookCompiler;

/** The edges of a request: lengths, dates, the what-if envelope, and the vocabulary the service publishes. */
@QuarkusTest
class RequestEdgesTest {

    static ValidatableResponse identify(String body) {
        return given().contentType("application/json").body(body).post("/identify").then();
    }

    static ValidatableResponse compare(String body) {
        return given().contentType("application/json").body(body).post("/identify/compare").then();
    }

    @Test
    void aReferenceOf200CharactersIsEchoedAndOneOf201IsRefused() {
        String ok = "r".repeat(200);
        identify("{\"reference\": \"" + ok + "\", \"answers\": {}}").statusCode(200).body("reference", equalTo(ok));
        identify("{\"reference\": \"" + ok + "r\", \"answers\": {}}").statusCode(400)
                .body("errors.field", contains("reference"))
                .body("errors[0].message", equalTo("expected a string of at most 200 characters"));
        identify("{\"reference\": 42, \"answers\": {}}").statusCode(400).body("errors.field", contains("reference"));
    }

    @Test
    void anEventsDateInTheFutureOrBefore1900IsRefusedAndTodayAnd1900AreAccepted() {
        for (String date : List.of(LocalDate.now().plusDays(1).toString(), "1899-12-31", "-999999999-01-01", "+999999999-12-31")) {
            identify("{\"answers\": {\"case.eventsDate\": \"" + date + "\"}}").statusCode(400)
                    .body("errors.field", contains("answers.case.eventsDate"))
                    .body("errors[0].message", equalTo("expected a date (YYYY-MM-DD) from 1900-01-01 to today"));
        }
        identify("{\"answers\": {\"case.eventsDate\": \"" + LocalDate.now() + "\"}}").statusCode(200);
        identify("{\"answers\": {\"case.eventsDate\": \"1900-01-01\"}}").statusCode(200);
        identify("{\"answers\": {\"case.eventsDate\": 20190101}}").statusCode(400)
                .body("errors[0].message", equalTo("expected a date (YYYY-MM-DD)"));
    }

    @Test
    void agesAndDatesThatCannotFitTogetherAreRefusedNamingTheField() {
        // Issue 17, §2: an interview after today, events after the interview, events before the earliest birthday.
        String tomorrow = LocalDate.now().plusDays(1).toString();
        identify("{\"answers\": {\"case.interviewDate\": \"" + tomorrow + "\"}}").statusCode(400)
                .body("errors.field", contains("answers.case.interviewDate"));
        identify("{\"answers\": {\"case.eventsDate\": \"2020-06-02\", \"case.interviewDate\": \"2020-06-01\"}}").statusCode(400)
                .body("errors.field", contains("answers.case.eventsDate"));
        identify("{\"answers\": {\"person.age\": 10, \"case.eventsDate\": \"2009-05-31\", \"case.interviewDate\": \"2020-06-01\"}}")
                .statusCode(400).body("errors.field", contains("answers.case.eventsDate"));
        identify("{\"answers\": {\"person.age\": 10, \"case.eventsDate\": \"2009-06-01\", \"case.interviewDate\": \"2020-06-01\"}}")
                .statusCode(200);
        identify("{\"answers\": {\"person.age\": 17, \"person.ageAtEvents\": 18}}").statusCode(400)
                .body("errors.field", contains("answers.person.ageAtEvents"));
    }

    @Test
    void withoutAnEventsDateTheInterviewIsJudgedOnTheLawOfToday() {
        RuleBook book = RuleFiles.repositoryRules().ruleBook();
        var withoutDate = InterviewReader.read(InterviewReader.parse("{\"answers\": {}}".getBytes()), book);
        assertEquals(LocalDate.now(), withoutDate.eventsDate());
        var dated = InterviewReader.read(InterviewReader.parse("{\"answers\": {\"case.eventsDate\": \"2017-06-01\"}}".getBytes()), book);
        assertEquals(LocalDate.of(2017, 6, 1), dated.eventsDate());
    }

    @Test
    void theWhatIfEnvelopeNamesEveryMissingOrUnknownPart() {
        compare("{\"interview\": {\"answers\": {}}, \"changes\": {}, \"colour\": 1}").statusCode(400)
                .body("errors.field", contains("colour"))
                .body("errors[0].message", equalTo("unknown field; expected one of [changes, interview]"));
        compare("{}").statusCode(400)
                .body("errors.field", containsInAnyOrder("interview", "changes"));
        compare("{\"interview\": [], \"changes\": \"person.age\"}").statusCode(400)
                .body("errors.field", containsInAnyOrder("interview", "changes"));
        compare("[]").statusCode(400).body("errors.field", contains("body"));
        compare("{\"interview\": {\"answers\": {\"act.recruted\": \"YES\"}}, \"changes\": {}}").statusCode(400)
                .body("errors.field", contains("interview.answers.act.recruted"));
        compare("{\"interview\": {}, \"changes\": {}}").statusCode(400)
                .body("errors.field", contains("interview.answers"));
        // A bad interview and bad changes: every bad field of both parts at once.
        compare("{\"interview\": {\"jurisdiction\": \"XX\", \"answers\": {\"act.recruited\": \"MAYBE\"}}, "
                + "\"changes\": {\"person.age\": \"old\", \"no.such\": 1, \"act.recruited\": null}}").statusCode(400)
                .body("errors.field", containsInAnyOrder("interview.jurisdiction", "interview.answers.act.recruited",
                        "changes.person.age", "changes.no.such"));
    }

    @Test
    void theQuestionnaireIsPublishedWithItsVersionAndEveryQuestionsKind() {
        String version = given().get("/rules").then().extract().path("version");
        given().get("/questionnaire").then().statusCode(200)
                .body("version", equalTo(version))
                .body("questions.id", hasItems("person.age", "case.eventsDate", "act.recruited", "means.deceivedJob", "purpose.forcedWork"))
                .body("questions.find { it.id == 'person.age' }.kind", equalTo("int"))
                .body("questions.find { it.id == 'person.age' }.max", equalTo(130))
                .body("questions.find { it.id == 'person.ageBasis' }.values", hasItems("DOCUMENT", "ASSESSMENT"))
                .body("questions.find { it.id == 'act.recruited' }.element", equalTo("ACT"))
                .body("questions.element", not(hasItem((Object) null)));
    }
}
