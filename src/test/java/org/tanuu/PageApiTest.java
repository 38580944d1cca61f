package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What the trainers' page reads from the service beyond a decision: its languages, every label, a translated what-if, the parameters in force. */
@QuarkusTest
class PageApiTest {

    @Test
    void theQuestionnaireListsEveryLanguageWithItsDraftMarkAndInALanguageEveryLabelAndFlag() {
        given().get("/questionnaire").then().statusCode(200)
                .body("languages.code", hasItems("en", "ru", "ky"))
                .body("languages.find { it.code == 'en' }.draft", equalTo(false))
                .body("languages.find { it.code == 'ru' }.draft", equalTo(true))
                .body("languages.find { it.code == 'ky' }.name", equalTo("Кыргызча"))
                .body("labels", nullValue());
        given().get("/questionnaire?lang=ru").then().statusCode(200)
                .body("labels.'labels.decision.IDENTIFIED'", equalTo("Лицо идентифицировано как жертва торговли людьми"))
                .body("labels.'flags.CHILD.title'", equalTo("Ребёнок"))
                .body("labels.'values.yesno.NO'", equalTo("Нет"));
    }

    @Test
    void aWhatIfAskedInKyrgyzComesBackInKyrgyzBeforeAndAfter() {
        String body = """
                {"interview": {"jurisdiction": "KG", "answers": {"person.age": 15, "person.ageBasis": "DOCUMENT",
                  "act.recruited": "YES", "purpose.forcedWork": "YES"}}, "changes": {"person.age": 30}}""";
        given().contentType("application/json").body(body).post("/identify/compare?lang=ky").then().statusCode(200)
                .body("before.language.code", equalTo("ky")).body("after.language.code", equalTo("ky"))
                .body("before.texts.'labels.decision.IDENTIFIED'", equalTo("Адам сатуунун жабырлануучусу катары аныкталды"))
                .body("before.trace.find { it.id == 'PAL-CHILD-AGE' }.title", startsWith("Маектешүү учурунда 18ге толо элек"))
                .body("changed.decision.before", equalTo("IDENTIFIED"));
        given().contentType("application/json").body(body).post("/identify/compare?lang=xx").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
        given().contentType("application/json").body(body).post("/identify/compare").then().statusCode(200)
                .body("after.language", nullValue());
    }

    @Test
    void theParametersInForceFollowTheJurisdictionAndTheDay() {
        given().get("/parameters/in-force?jurisdiction=KG&date=2021-03-15").then().statusCode(200)
                .body("find { it.name == 'age-of-majority' }.value.value", equalTo(18))
                .body("find { it.name == 'presumption-combinations' }.value.citation", startsWith("Derived from Resolution No. 493"));
        given().get("/parameters/in-force?jurisdiction=PALERMO").then().statusCode(200)
                .body("find { it.name == 'presumption-combinations' }.value.citation", startsWith("Palermo Protocol"));
        given().get("/parameters/in-force?jurisdiction=XX").then().statusCode(400).body("errors[0].field", equalTo("jurisdiction"));
        given().get("/parameters/in-force?jurisdiction=KG&date=15.03.2021").then().statusCode(400).body("errors[0].field", equalTo("date"));
    }
}
