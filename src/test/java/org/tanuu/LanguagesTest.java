package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule book in Russian, Kyrgyz and Kazakh (rules/i18n/): served per request, falling back to English per entry, checked by
 * the validator; each jurisdiction lists the languages its screeners use (jurisdictions.yaml).
 */
@QuarkusTest
class LanguagesTest {
    static final String CHILD = """
            {"jurisdiction": "KG", "reference": "intake-2291",
             "answers": {"person.age": 15, "person.ageBasis": "DOCUMENT", "act.recruited": "YES", "purpose.forcedWork": "YES"}}""";

    static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void askedInRussianTheRuleTitlesFlagsAndQuestionsComeInRussianAndCitationsStayAsWritten() {
        given().contentType("application/json").body(CHILD).post("/identify?lang=ru").then().statusCode(200)
                .body("decision", equalTo("IDENTIFIED"))
                .body("language.code", equalTo("ru"))
                .body("language.draft", equalTo(true))
                .body("texts.'labels.decision.IDENTIFIED'", equalTo("Лицо идентифицировано как жертва торговли людьми"))
                .body("texts.'questions.act.recruited'", startsWith("Кто-то предложил"))
                .body("texts.'flags.CHILD_PROTECTION_REFERRAL.next'", startsWith("В тот же день"))
                .body("trace.find { it.id == 'PAL-CHILD-AGE' }.title", startsWith("Младше 18 лет"))
                .body("trace.find { it.id == 'PAL-CHILD-AGE' }.citation", equalTo("Palermo Protocol, Art. 3(d)"));
    }

    @Test
    void acceptLanguageChoosesKyrgyzAndAnUnknownLanguageFallsBackToEnglish() {
        given().contentType("application/json").header("Accept-Language", "ky-KG, ru;q=0.8").body(CHILD).post("/identify").then()
                .statusCode(200).body("language.code", equalTo("ky"))
                .body("texts.'labels.decision.IDENTIFIED'", equalTo("Адам сатуунун жабырлануучусу катары аныкталды"));
        given().contentType("application/json").header("Accept-Language", "de").body(CHILD).post("/identify").then()
                .statusCode(200).body("language.code", equalTo("en")).body("language.draft", equalTo(false));
    }

    static final String KZ_CHILD = """
            {"jurisdiction": "KZ", "reference": "intake-3107",
             "answers": {"person.age": 10, "person.ageBasis": "ASSESSMENT", "act.transported": "YES", "act.harboured": "YES",
                         "purpose.begging": "YES"}}""";

    @Test
    void askedInKazakhAKazakhCaseComesInKazakhAndCitationsStayAsWritten() {
        given().contentType("application/json").body(KZ_CHILD).post("/identify?lang=kk").then().statusCode(200)
                .body("decision", equalTo("IDENTIFIED"))
                .body("language.code", equalTo("kk"))
                .body("language.name", equalTo("Қазақша"))
                .body("language.draft", equalTo(true))
                .body("texts.'labels.decision.IDENTIFIED'", equalTo("Адам саудасының құрбаны ретінде сәйкестендірілді"))
                .body("texts.'labels.jurisdiction.KZ'", equalTo("Қазақстан Республикасы"))
                .body("texts.'questions.act.transported'", startsWith("Біреу адамды ел ішінде"))
                .body("texts.'flags.CHILD_PROTECTION_REFERRAL.title'", equalTo("Балаларды қорғау органына жолдау"))
                .body("trace.find { it.id == 'KZ-CHILD-REFERRAL' }.title", startsWith("Балаларды қорғау органына жолдау"))
                .body("offence.find { it.rule == 'KZ-OFFENCE-135' }.article", equalTo("Art. 135"))
                .body("findings.find { it.id == 'CHILD-WORST-FORM-BEGGING' }.title", startsWith("Балалар еңбегінің ең нашар нысаны"));
        given().contentType("application/json").header("Accept-Language", "kk-KZ, ru;q=0.8").body(KZ_CHILD).post("/identify").then()
                .statusCode(200).body("language.code", equalTo("kk"));
    }

    @Test
    void everyLanguageAnswersUnderEveryJurisdictionAndEachJurisdictionSaysWhichItsScreenersUse() {
        given().contentType("application/json").body(CHILD).post("/identify?lang=kk").then().statusCode(200)
                .body("jurisdiction", equalTo("KG")).body("language.code", equalTo("kk"))
                .body("texts.'labels.jurisdiction.KG'", equalTo("Қырғыз Республикасы"));
        given().get("/jurisdictions").then().statusCode(200)
                .body("find { it.code == 'KZ' }.languages", equalTo(List.of("kk", "ru")))
                .body("find { it.code == 'KG' }.languages", equalTo(List.of("ky", "ru")))
                .body("find { it.code == 'PALERMO' }.languages", equalTo(List.of("en", "ru", "ky", "kk")));
    }

    @Test
    void aJurisdictionNamingALanguageWithoutItsFileIsAProblemAtItsLine(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        Path jurisdictions = dir.resolve("jurisdictions.yaml");
        RuleFiles.write(dir, "jurisdictions.yaml", read(jurisdictions).replace("    languages: [kk, ru]", "    languages: [kk, tg, ru]"));
        ValidateRulesTest.Run run = ValidateRulesTest.validate(dir.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains(jurisdictions + ":" + RuleFiles.lineOf(jurisdictions, "    languages: [kk, tg, ru]") + ":"), run.out());
        assertTrue(run.out().contains("KZ: no language tg in i18n/; the languages are [en, kk, ky, ru]"), run.out());
    }

    @Test
    void withoutALanguageTheResponseIsAsItAlwaysWas() {
        given().contentType("application/json").body(CHILD).post("/identify").then().statusCode(200)
                .body("language", nullValue()).body("texts", nullValue())
                .body("trace.find { it.id == 'PAL-CHILD-AGE' }.title", startsWith("Under 18"));
    }

    @Test
    void anUnknownLangParameterIsA400NamingTheField() {
        given().contentType("application/json").body(CHILD).post("/identify?lang=xx").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
    }

    @Test
    void theQuestionnaireInKyrgyzHasEveryQuestionAndTheAnswerLabels() {
        given().get("/questionnaire?lang=ky").then().statusCode(200)
                .body("questions.find { it.id == 'act.sold' }.text", startsWith("Адамды сатышкан"))
                .body("labels.'values.yesno.YES'", equalTo("Ооба"))
                .body("language.draft", equalTo(true));
    }

    @Test
    void coverageListsTheUntranslatedEntriesPerLanguage() {
        Map<String, List<String>> untranslated = given().get("/rules/coverage").then().statusCode(200)
                .extract().jsonPath().getMap("untranslated");
        assertEquals(List.of("en", "kk", "ky", "ru"), List.copyOf(untranslated.keySet()));
        untranslated.forEach((language, keys) -> assertTrue(keys.isEmpty(), language + " has untranslated entries: " + keys));
    }

    @Test
    void aKeyNamingNoQuestionRuleOrValueIsAProblemAtItsLineAndColumn(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        Path ru = dir.resolve("i18n/ru.yaml");
        String text = read(ru).replace("  act.received: ", "  act.recieved: ").replace("  KZ-REQ-ACT: ", "  KZ-REQ-AKT: ");
        RuleFiles.write(dir, "i18n/ru.yaml", text);
        ValidateRulesTest.Run run = ValidateRulesTest.validate(dir.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains(ru + ":" + RuleFiles.lineOf(ru, "  act.recieved: ") + ":3: questions: no question act.recieved in questionnaire.yaml"), run.out());
        assertTrue(run.out().contains(ru + ":" + RuleFiles.lineOf(ru, "  KZ-REQ-AKT: ") + ":3: rules: no rule with @id KZ-REQ-AKT"), run.out());
    }

    @Test
    void aMissingEntryFallsBackToEnglishAndIsListedAsUntranslated(@TempDir Path dir) {
        RuleFiles.copy(Path.of("rules"), dir);
        String text = read(dir.resolve("i18n/ky.yaml")).replaceAll("(?m)^  act\\.sold: .*\\n", "");
        RuleFiles.write(dir, "i18n/ky.yaml", text);
        ValidateRulesTest.Run run = ValidateRulesTest.validate("--coverage", dir.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains(dir.resolve("i18n/ky.yaml") + ":0:0: untranslated in ky: questions.act.sold"), run.out());
        assertTrue(run.out().contains("languages: en complete, kk complete (draft translation), ky 1 untranslated (draft translation), ru complete (draft translation)"), run.out());
    }
}
