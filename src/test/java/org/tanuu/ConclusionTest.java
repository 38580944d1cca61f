package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * POST /identify/conclusion: the draft written conclusion, read back from the PDF (PDFBox) part by part, for a Kyrgyz
 * child case and a Palermo adult case, in Russian and Kyrgyz. One page of each is rendered to target/ as a PNG.
 */
@QuarkusTest
class ConclusionTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KG_CHILD = "kg-boy-given-to-herder-2020";
    static final String PALERMO_ADULT = "woman-answers-newspaper-job-ad-passport-taken";
    static final String KZ_CHILD = "kz-child-made-to-beg-in-market";
    /** ә ғ қ ң ө ұ ү һ і: the Kazakh Cyrillic letters the Russian alphabet does not have. */
    static final List<String> KAZAKH_LETTERS = List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і");

    /** A sample case's interview, with the identifier's details, as the request body. */
    static String request(String sample) throws IOException {
        return request(sample, "Айгүл Осмонова", "Социалдык өнүктүрүү башкармалыгы", "Бишкек");
    }

    static String request(String sample, String name, String organisation, String place) throws IOException {
        JsonNode c = YAML.readTree(Path.of("rules/cases/" + sample + ".yaml").toFile());
        ObjectNode interview = JSON.createObjectNode();
        interview.put("jurisdiction", c.path("jurisdiction").asText("PALERMO"));
        interview.put("reference", "case-" + sample.hashCode());
        interview.set("answers", c.get("answers"));
        ObjectNode body = JSON.createObjectNode();
        body.set("interview", interview);
        body.set("identifier", JSON.createObjectNode().put("name", name).put("organisation", organisation).put("place", place));
        return body.toString();
    }

    static String pdfText(byte[] pdf, String png) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (png != null) {
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
                Files.createDirectories(Path.of("target"));
                ImageIO.write(page, "png", Path.of("target", png).toFile());
            }
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** Each part the issue lists, as the language's own words for it (rules/i18n/<lang>.yaml) and the case's facts. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            KG_CHILD + ", ru, ПРОЕКТ — решение принимает идентифицирующее лицо, Статус ребёнка, Лицо считается ребёнком, Кыргызская Республика, Направление в орган защиты детей, Уголовно-правовая квалификация, Art. 171, Подпись, Черновой перевод, Кто-то передал|Человека передали",
            KG_CHILD + ", ky, ДОЛБООР — чечимди аныктоочу кабыл алат, Бала статусу, Адам бала деп эсептелет, Кыргыз Республикасы, Балдарды коргоо органына жөнөтүү, Кылмыш-укуктук квалификация, Art. 171, Кол тамгасы, Долбоор котормо, Адамды бир адамдан",
            PALERMO_ADULT + ", ru, ПРОЕКТ — решение принимает идентифицирующее лицо, Статус ребёнка, По этим ответам лицо не считается ребёнком, Палермский протокол, Отметки и направления, Уголовно-правовая квалификация, Palermo Protocol, Подпись, Черновой перевод, Обман о характере работы",
            PALERMO_ADULT + ", ky, ДОЛБООР — чечимди аныктоочу кабыл алат, Бала статусу, Бул жооптор боюнча адам бала деп эсептелбейт, Палермо протоколу, Белгилер жана жөнөтүүлөр, Кылмыш-укуктук квалификация, Palermo Protocol, Кол тамгасы, Долбоор котормо, Жумуштун мүнөзү",
    })
    void theConclusionPdfCarriesEveryPart(String sample, String lang, String draft, String childHeading, String child, String law,
                                          String flagsOrReferral, String offence, String citation, String signature,
                                          String draftTranslation, String answerText) throws IOException {
        Response response = given().contentType("application/json").accept("application/pdf").body(request(sample))
                .post("/identify/conclusion?lang=" + lang);
        response.then().statusCode(200).contentType("application/pdf").header("Cache-Control", equalTo("no-store"));
        String text = pdfText(response.asByteArray(), "conclusion-" + sample + "-" + lang + ".png");
        String[] words = lang.equals("ru")
                ? new String[]{"Письменное заключение", "Номер дела", "Дата событий", "Проект подготовлен", "Применимый закон", "Версия свода правил",
                        "Признаки торговли людьми", "Ответы, которые его устанавливают", "Решение", "Лицо идентифицировано как жертва торговли людьми",
                        "Чего не хватает", "Сработавшие правила и их источники", "Идентифицирующее лицо", "Ф. И. О.", "Организация", "Место"}
                : new String[]{"жазуу жүзүндөгү корутунду", "Иштин номери", "Окуялардын датасы", "Долбоор даярдалган күн", "Колдонулган мыйзам",
                        "Эрежелер жыйнагынын версиясы", "Адам сатуунун белгилери", "Аны аныктаган же ага көрсөткөн жооптор", "Чечим",
                        "Адам сатуунун жабырлануучусу катары аныкталды", "Эмне жетишпейт", "Иштеген эрежелер жана алардын булактары", "Аныктоочу",
                        "Аты-жөнү", "Уюм", "Жери"};
        for (String w : words) {
            assertTrue(text.contains(w), "the " + lang + " conclusion for " + sample + " has \"" + w + "\":\n" + text);
        }
        for (String part : List.of(draft, childHeading, child, law, flagsOrReferral, offence, citation, signature, draftTranslation,
                "Айгүл Осмонова", "Социалдык өнүктүрүү башкармалыгы", "Бишкек", "DEC-IDENTIFIED", "case-" + sample.hashCode())) {
            assertTrue(text.contains(part), "the " + lang + " conclusion for " + sample + " has \"" + part + "\":\n" + text);
        }
        assertTrue(List.of(answerText.split("\\|")).stream().anyMatch(text::contains), "an establishing answer as its question text: " + answerText + "\n" + text);
    }

    @Test
    void theHtmlConclusionIsPrintableAndNotCached() throws IOException {
        given().contentType("application/json").accept("text/html").body(request(KG_CHILD)).post("/identify/conclusion?lang=ky")
                .then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", equalTo("no-store"))
                .body(containsString("<html lang=\"ky\">")).body(containsString("ДОЛБООР"));
    }

    @Test
    void missingIdentifierDetailsAreA400NamingEachField() {
        given().contentType("application/json").accept("application/pdf")
                .body("{\"interview\": {\"answers\": {\"act.recruted\": \"YES\"}}, \"identifier\": {\"name\": \"\", \"place\": \"Ош\"}}")
                .post("/identify/conclusion").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("interview.answers.act.recruted", "identifier.name", "identifier.organisation"));
    }

    /** Kazakh where the KZ rule book is used: a KZ child case in Kazakh carries the Kazakh wording, letter for letter. */
    @Test
    void aKazakhConclusionForAKazakhCaseCarriesTheKazakhLabelsAndLetters() throws IOException {
        Response response = given().contentType("application/json").accept("application/pdf")
                .body(request(KZ_CHILD, "Зуһра Әбдіқадырова", "Алматы қаласының балалар құқықтарын қорғау басқармасы", "Алматы, Түрксіб ауданы"))
                .post("/identify/conclusion?lang=kk");
        response.then().statusCode(200).contentType("application/pdf").header("Cache-Control", equalTo("no-store"))
                .header("Content-Language", equalTo("kk"));
        String text = pdfText(response.asByteArray(), "conclusion-" + KZ_CHILD + "-kk.png");
        for (String w : List.of("Адам саудасының құрбанын сәйкестендіру туралы жазбаша қорытынды", "ЖОБА — шешімді сәйкестендіруші тұлға қабылдайды",
                "Жоба аударма", "Іс нөмірі", "Қолданылған заң", "Қазақстан Республикасы", "Бала мәртебесі", "Адам бала болып саналады",
                "Адам саудасының белгілері", "Әрекет", "Қанау мақсаты", "Анықталды", "Біреу адамды ел ішінде",
                "Адам саудасының құрбаны ретінде сәйкестендірілді", "Белгілеулер мен жолдамалар", "Балаларды қорғау органына жолдау",
                "Қылмыстық-құқықтық саралау", "Art. 135", "Іске қосылған ережелер және олардың дереккөздері", "Сәйкестендіруші тұлға",
                "Аты-жөні", "Қолы", "Зуһра Әбдіқадырова", "KZ-CHILD-REFERRAL", "Criminal Code of the Republic of Kazakhstan")) {
            assertTrue(text.contains(w), "the kk conclusion for " + KZ_CHILD + " has \"" + w + "\":\n" + text);
        }
        for (String letter : KAZAKH_LETTERS) {
            assertTrue(text.contains(letter), "the kk conclusion carries the Kazakh letter " + letter + ":\n" + text);
        }
        given().contentType("application/json").accept("text/html").body(request(KZ_CHILD)).post("/identify/conclusion?lang=kk")
                .then().statusCode(200).body(containsString("<html lang=\"kk\">")).body(containsString("ЖОБА"));
    }

    /** The Kazakh letters beyond the Russian alphabet: the shipped fonts (regular and bold) must draw each, both cases. */
    @Test
    void theShippedFontsCoverTheKazakhLetters() throws IOException {
        for (String font : List.of("/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf")) {
            try (java.io.InputStream in = ConclusionTest.class.getResourceAsStream(font);
                 org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
                org.apache.fontbox.ttf.CmapLookup cmap = ttf.getUnicodeCmapLookup();
                for (String letter : KAZAKH_LETTERS) {
                    for (String c : List.of(letter, letter.toUpperCase(java.util.Locale.ROOT))) {
                        assertTrue(cmap.getGlyphId(c.codePointAt(0)) > 0, font + " has no glyph for " + c + " (U+" + Integer.toHexString(c.codePointAt(0)) + ")");
                    }
                }
            }
        }
    }

    @Test
    void theShippedFontCarriesItsLicence() {
        assertEquals(true, ConclusionTest.class.getResource("/fonts/DejaVu-LICENSE.txt") != null);
    }
}
