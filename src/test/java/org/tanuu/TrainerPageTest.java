package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trainers' page (src/main/resources/META-INF/resources/index.html) driven in a real browser: Debian's
 * Chromium through its chromedriver, against the service started by {@code @QuarkusTest}. What the page must
 * show is read from the same service with RestAssured, so the test names no case, rule or decision of its own.
 *
 * <p>Skipped (not failed) where /usr/bin/chromium or /usr/bin/chromedriver is not installed:
 * {@code apt-get install -y chromium chromium-driver}.
 */
@QuarkusTest
@TestProfile(RuleReloadTest.OnACopyOfTheRules.class) // a copy of the rules, so a test can have an edit rejected; shared with RuleReloadTest, no extra start
class TrainerPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "trainer-page.png");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How often a wait looks again: the page answers in milliseconds, so Selenium's default half second was most of the test's time. */
    private static final Duration POLL = Duration.ofMillis(20);
    /** An adult age, for taking away a child status that rests on age. */
    private static final int ADULT_AGE = 30;

    /**
     * Selenium warns when it ships no DevTools (CDP) binding for this Chromium's version. This test speaks only
     * WebDriver, so the warning is noise; the loggers are held here because java.util.logging keeps them weakly.
     */
    private static final List<Logger> QUIET = Stream.of(
            "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(Logger::getLogger).collect(Collectors.toList());

    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL url;

    /**
     * Starts one browser for the whole class, on first use. The assumptions live here rather than in a
     * {@code @BeforeAll} so that, without Chromium, each test is reported as skipped with the reason (an aborted
     * {@code @BeforeAll} makes Surefire report no test at all).
     */
    private static void startBrowserOnce() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Skipping the trainers' page browser test: " + CHROMIUM + " is missing (apt-get install -y chromium chromium-driver)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "Skipping the trainers' page browser test: " + CHROMEDRIVER + " is missing (apt-get install -y chromium-driver)");
        if (driver != null) {
            return;
        }
        // With the driver and the browser both named, Selenium Manager never runs (it would try to download them).
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        profile = Files.createTempDirectory("tanuu-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                profile = null;
            }
        }
    }

    @BeforeEach
    void openThePage() throws IOException {
        startBrowserOnce();
        if (driver.getCurrentUrl().startsWith(url.toString())) {
            js("localStorage.clear()"); // the language a previous test chose is remembered: start each test in English
        }
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(url.toString());
        waitFor("the case list to load", d -> d.findElement(By.id("case-list")).isEnabled()
                && "false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-busy")));
    }

    @Test
    void aTrainerReplaysACaseAndSeesTheDecisionChangeWhenAnAnswerFlips() throws IOException {
        Flip flip = findAFlipThatChangesADecision();

        pickCase(flip.caseId);
        assertEquals(flip.expected, shownDecision(),
                "the page shows the decision that case '" + flip.caseId + "' expects");
        assertEquals(flip.caseId, decision().getDomAttribute("data-case"));
        assertEquals("false", decision().getDomAttribute("data-changed"), "nothing is marked changed before a flip");

        int revision = revision();
        setAnswer(flip.question, flip.value);
        waitFor("the decision after setting " + flip.question + " to " + flip.value, d -> revision() > revision && !busy());

        assertNotEquals(flip.before, shownDecision(), "the shown decision changes when " + flip.question + " flips");
        assertEquals(flip.after, shownDecision(), "the page shows what POST /identify/compare decides");
        assertEquals("true", decision().getDomAttribute("data-changed"));
        assertEquals(flip.before, decision().getDomAttribute("data-before"), "the page names the decision before the flip");
        assertTrue(decision().getText().contains(flip.before), "the before decision is written on the page");
        assertEquals("true", answerRow(flip.question).getDomAttribute("data-changed"), "the flipped answer is highlighted");
        assertTrue(answerRow(flip.question).getText().contains("CHANGED"));

        saveScreenshot(SCREENSHOT);

        driver.findElement(By.id("reset")).click();
        waitFor("the decision after resetting the answers", d -> flip.before.equals(shownDecision()) && !busy());
        assertEquals("false", decision().getDomAttribute("data-changed"));
    }

    @Test
    void everySampleCaseShowsTheServicesDecisionOffenceFindingsElementsFlagsAndRules() {
        List<String> ids = cases().stream().map(c -> (String) c.get("id")).collect(Collectors.toList());
        assertFalse(ids.isEmpty(), "GET /cases lists at least one sample case");
        List<String> offered = new Select(caseList()).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).filter(v -> !v.isEmpty()).collect(Collectors.toList());
        assertEquals(ids, offered, "the case list offers every sample case, in the service's order");

        // What the service decides for each case, asked for up front and side by side (the rule book does not change
        // meanwhile): the browser below waits for no call of the test's own.
        Map<String, Map<String, Object>> results = ids.parallelStream().collect(Collectors.toConcurrentMap(id -> id, id -> resultOf(caseById(id))));
        Set<String> sourcesChecked = new HashSet<>();
        for (String id : ids) {
            Map<String, Object> result = results.get(id);
            pickCase(id);
            Map<String, Object> shown = snapshot();
            assertEquals(result.get("decision"), shown.get("decision"), "decision shown for " + id);
            assertEquals(offenceStatuses(result), shown.get("offence"), "offence articles and their status, for " + id);
            assertEquals(ids(list(result.get("findings"))), shown.get("findings"), "findings shown for " + id);
            Map<String, Map<String, Object>> elements = map(result.get("elements"));
            for (String element : List.of("ACT", "MEANS", "PURPOSE")) {
                assertEquals(elements.get(element).get("status"), map(shown.get("elements")).get(element), element + " status shown for " + id);
            }
            assertEquals(list(result.get("flags")), shown.get("flags"), "flags shown for " + id);

            List<Map<String, Object>> trace = list(result.get("trace"));
            assertEquals(ids(trace), shown.get("trace"), "rules that fired, in firing order, for " + id);
            String traceText = oneLine((String) shown.get("traceText"));
            for (Map<String, Object> rule : trace) {
                assertTrue(traceText.contains(oneLine((String) rule.get("citation"))),
                        "the citation of " + rule.get("id") + " is shown for " + id);
            }
            List<String> sources = list(shown.get("sources"));
            if (!sources.isEmpty() && sourcesChecked.add(sources.get(0))) {
                theSourceOfTheFirstCitedRuleOpensOntoItsLines(); // each citation once: the same lines whichever case shows them
            }
        }
    }

    /** What the page shows of a decision, read in one call: the attributes each part carries, the trace's text. */
    private static Map<String, Object> snapshot() {
        return map(js("""
                const q = (s) => [...document.querySelectorAll(s)];
                return {
                  decision: document.getElementById('decision').dataset.decision,
                  offence: q('#offence [data-offence]:not(.removed)').map((e) => e.dataset.offence + '=' + e.dataset.status),
                  findings: q('#findings [data-finding]:not(.removed)').map((e) => e.dataset.finding),
                  elements: Object.fromEntries(q('#elements [data-element]').map((e) => [e.dataset.element, e.dataset.status])),
                  flags: q('#flags [data-flag]').map((e) => e.dataset.flag),
                  trace: q('#trace tbody tr[data-rule]').map((e) => e.dataset.rule),
                  traceText: document.getElementById('trace').textContent,
                  sources: q('#trace details.source summary').map((e) => e.textContent),
                };"""));
    }

    /** Under the trace, a rule's @source opens onto the lines it cites, or says the text is not kept here. */
    private void theSourceOfTheFirstCitedRuleOpensOntoItsLines() {
        List<WebElement> sources = driver.findElements(By.cssSelector("#trace details.source"));
        if (sources.isEmpty()) {
            return;
        }
        WebElement source = sources.get(0);
        String citation = source.findElement(By.tagName("summary")).getText();
        Map<String, Object> excerpt = given().queryParam("citation", citation).get("/sources").then().statusCode(200)
                .extract().jsonPath().getMap("");
        List<?> lines = (List<?>) excerpt.get("text");
        String expected = lines.isEmpty() ? (String) excerpt.get("note") : String.join("\n", lines.stream().map(String::valueOf).toList());
        source.findElement(By.tagName("summary")).click();
        new WebDriverWait(driver, WAIT, POLL).until(d -> !source.findElement(By.tagName("pre")).getText().isEmpty());
        assertEquals(oneLine(expected), oneLine(source.findElement(By.tagName("pre")).getText()), "the lines " + citation + " cites");
    }

    @Test
    void aTrainerSeesTheOffenceAndFindingsOfAKyrgyzCaseAndWhatAFlipChangesInThem() {
        Flip flip = findAKyrgyzFlipThatChangesTheOffenceAndTheFindings();
        Map<String, Object> compared = compare(caseById(flip.caseId), flip.question, flip.value);
        Map<String, Object> before = map(compared.get("before"));
        Map<String, Object> after = map(compared.get("after"));

        pickCase(flip.caseId);
        assertOffenceAndFindingsShown(before, "case " + flip.caseId + " as told");

        int revision = revision();
        setAnswer(flip.question, flip.value);
        waitFor("the decision after setting " + flip.question + " to " + flip.value, d -> revision() > revision && !busy());
        assertOffenceAndFindingsShown(after, "case " + flip.caseId + " with " + flip.question + " = " + flip.value);

        List<String> findingsBefore = ids(list(before.get("findings")));
        List<String> findingsAfter = ids(list(after.get("findings")));
        for (String id : findingsAfter) {
            assertEquals(findingsBefore.contains(id) ? "false" : "true", String.valueOf(classes(finding(id)).contains("added")),
                    "finding " + id + " is marked NEW exactly when the flip raised it");
        }
        for (String id : findingsBefore) {
            if (!findingsAfter.contains(id)) {
                assertTrue(classes(finding(id)).contains("removed"), "finding " + id + " is shown as gone");
                assertTrue(finding(id).getText().contains("GONE"));
            }
        }
        Map<String, String> statusBefore = new LinkedHashMap<>();
        list(before.get("offence")).forEach(o -> statusBefore.put((String) map(o).get("rule"), (String) map(o).get("status")));
        for (Object o : list(after.get("offence"))) {
            String rule = (String) map(o).get("rule");
            String status = (String) map(o).get("status");
            WebElement card = driver.findElement(By.cssSelector("#offence [data-offence='" + rule + "']:not(.removed)"));
            if (statusBefore.containsKey(rule) && !statusBefore.get(rule).equals(status)) {
                assertEquals("true", card.getDomAttribute("data-changed"), rule + " is marked changed");
                WebElement shownStatus = card.findElement(By.cssSelector(".el-status"));
                assertEquals(statusBefore.get(rule), shownStatus.getDomAttribute("data-was"), rule + " says what its status was");
                assertTrue(shownStatus.getText().contains(labels("en").get("labels.status." + statusBefore.get(rule))),
                        rule + " names its status before in the rule book's words: " + shownStatus.getText());
            }
        }
    }

    @Test
    void aTrainerWhoTypesAnImpossibleAgeSeesTheServicesOwnMessage() {
        List<Map<String, Object>> cases = cases();
        assertFalse(cases.isEmpty(), "GET /cases lists at least one sample case");
        Map<String, Object> kase = caseById((String) cases.get(0).get("id"));
        Response refused = given().contentType(ContentType.JSON)
                .body(Map.of("interview", interviewOf(kase), "changes", Map.of("person.age", -1)))
                .post("/identify/compare");
        assertEquals(400, refused.statusCode(), "POST /identify/compare refuses person.age = -1: " + refused.asString());
        List<Map<String, Object>> errors = refused.jsonPath().getList("errors");
        assertEquals(1, errors.size(), "one error, for the one refused change: " + errors);
        assertEquals("changes.person.age", errors.get(0).get("field"), "the error names the change");
        String message = (String) errors.get(0).get("message");

        String id = (String) kase.get("id");
        pickCase(id);
        String before = shownDecision();
        setAnswer("person.age", -1);
        waitFor("the service's error to be shown", d -> d.findElement(By.id("errors")).isDisplayed() && !busy());

        String shownErrors = driver.findElement(By.id("errors")).getText();
        assertTrue(shownErrors.contains(message), "the page shows the service's message: " + message);
        assertTrue(shownErrors.contains("changes.person.age"), "and the field it names");
        assertTrue(answerRow("person.age").getDomAttribute("class").contains("invalid"), "the refused answer is marked");
        assertEquals(before, shownDecision(), "the last good decision stays on the page");
        assertTrue(driver.findElement(By.id("stale")).isDisplayed(), "and is marked as out of date");
    }

    /**
     * Done when (issue 18): in Russian and in Kyrgyz a trainer replays a case and runs a what-if, the link of the what-if
     * opened in a fresh page restores the same result, and nothing on screen is English but citations and ids.
     */
    @Test
    void inRussianAndKyrgyzNoEnglishIsLeftOnScreenAndAWhatIfLinkRestoresTheSameResult() throws IOException {
        Flip flip = findAFlipThatChangesADecision();
        Set<String> english = englishWords();

        chooseLanguage("ru");
        assertEquals("ru", js("return localStorage.getItem('tanuu.lang')"), "the choice is remembered");
        assertEquals(labels("ru").get("labels.decision." + flip.expected) != null, true, "the rule book speaks Russian");
        pickCase(flip.caseId);
        assertEquals(flip.expected, shownDecision());
        assertEquals(labels("ru").get("labels.decision." + flip.expected), decision().findElement(By.cssSelector(".d-label")).getText(),
                "the decision in the rule book's Russian words");
        assertTrue(driver.findElement(By.id("draft")).isDisplayed(), "Russian is a draft translation (reviewed: false)");
        assertNoEnglishOnScreen(english, "case " + flip.caseId + " in Russian");

        int revision = revision();
        setAnswer(flip.question, flip.value);
        waitFor("the what-if in Russian", d -> revision() > revision && !busy());
        assertEquals(flip.after, shownDecision(), "the what-if decides as POST /identify/compare");
        assertNoEnglishOnScreen(english, "the what-if in Russian");
        saveScreenshot(Path.of("target", "trainer-page-ru.png"));
        String link = driver.findElement(By.id("share-link")).getDomProperty("value");
        assertTrue(link.contains("lang=ru") && link.contains("a." + flip.question + "="), "the link carries the language and the change: " + link);

        String page = driver.getWindowHandle();
        js("localStorage.clear()"); // the link alone must restore the language
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(link);
            waitFor("the linked what-if", d -> flip.caseId.equals(decision().getDomAttribute("data-case")) && revision() > 0 && !busy());
            assertEquals("ru", driver.findElement(By.tagName("html")).getDomAttribute("lang"), "the link restores the language");
            assertEquals(flip.after, shownDecision(), "the link restores the what-if's decision");
            assertEquals("true", decision().getDomAttribute("data-changed"));
            assertEquals(flip.before, decision().getDomAttribute("data-before"));
            assertEquals("true", answerRow(flip.question).getDomAttribute("data-changed"), "and the changed answer");
            assertEquals(String.valueOf(flip.value), driver.findElement(By.cssSelector("[data-question='" + flip.question + "']")).getDomProperty("value"));
        } finally {
            driver.close();
            driver.switchTo().window(page);
        }

        chooseLanguage("ky");
        assertEquals(flip.after, shownDecision(), "switching the language keeps the what-if");
        assertEquals("true", answerRow(flip.question).getDomAttribute("data-changed"));
        assertEquals(labels("ky").get("labels.decision." + flip.after), decision().findElement(By.cssSelector(".d-label")).getText());
        assertNoEnglishOnScreen(english, "the what-if in Kyrgyz");
        driver.findElement(By.id("reset")).click();
        waitFor("the case as told in Kyrgyz", d -> flip.before.equals(shownDecision()) && !busy());
        assertNoEnglishOnScreen(english, "case " + flip.caseId + " in Kyrgyz");

        driver.get(url.toString());
        waitFor("the page, reopened", d -> "ky".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) && !busy());
        assertEquals("ky", new Select(driver.findElement(By.id("language"))).getFirstSelectedOption().getDomAttribute("value"),
                "reopened without a link, the page is in the language chosen before");
    }

    /** A blank interview, and a Palermo sample case under each other law, with every law side by side and the parameters in force. */
    @Test
    void aBlankInterviewAndAnyCaseUnderAnyLawShowTheLawsSideBySideWithTheParametersInForce() {
        driver.findElement(By.id("blank")).click();
        waitFor("the blank interview", d -> "".equals(decision().getDomAttribute("data-case")) && revision() > 0 && !busy());
        Map<String, Object> blank = identify(Map.of("answers", Map.of()));
        assertEquals(blank.get("decision"), shownDecision(), "a blank interview decides as POST /identify with no answer");
        assertLawsSideBySide(blank, "the blank interview");

        Map<String, Object> palermo = cases().stream().filter(c -> "PALERMO".equals(c.get("jurisdiction"))).findFirst()
                .orElseThrow(() -> new AssertionError("no PALERMO sample case"));
        Map<String, Object> kase = caseById((String) palermo.get("id"));
        pickCase((String) kase.get("id"));
        List<Map<String, Object>> jurisdictions = given().get("/jurisdictions").then().statusCode(200).extract().jsonPath().getList("");
        List<String> laws = jurisdictions.stream().map(j -> (String) j.get("code")).toList();
        assertEquals(laws, new Select(driver.findElement(By.id("jurisdiction"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList(), "every law the service has is offered");
        for (String law : laws) {
            if (law.equals(kase.get("jurisdiction"))) {
                continue;
            }
            int revision = revision();
            new Select(driver.findElement(By.id("jurisdiction"))).selectByValue(law);
            waitFor("case " + kase.get("id") + " under " + law, d -> revision() > revision && !busy());
            Map<String, Object> expected = identify(Map.of("jurisdiction", law, "answers", kase.get("answers")));
            assertEquals(expected.get("decision"), shownDecision(), "case " + kase.get("id") + " under " + law);
            assertLawsSideBySide(expected, "case " + kase.get("id") + " under " + law);
            assertParametersInForce(law, (String) map(kase.get("answers")).get("case.eventsDate"));
            List<String> offered = new Select(driver.findElement(By.id("language"))).getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
            List<String> first = TrainerPageTest.<String>list(jurisdictions.get(laws.indexOf(law)).get("languages")).stream()
                    .filter(offered::contains).toList();
            assertEquals(first, offered.subList(0, first.size()), "the languages of " + law + "'s screeners are offered first");
        }
    }

    private static void assertLawsSideBySide(Map<String, Object> result, String what) {
        Map<String, Map<String, Object>> laws = map(result.get("jurisdictions"));
        assertTrue(laws.size() >= 1, what + " names its laws");
        List<String> shown = driver.findElements(By.cssSelector("#jurisdictions tbody tr[data-jurisdiction]")).stream()
                .map(r -> r.getDomAttribute("data-jurisdiction") + "=" + r.getDomAttribute("data-decision") + ":"
                        + r.findElements(By.cssSelector("td[data-element]")).stream()
                        .map(td -> td.getDomAttribute("data-element") + "=" + td.getDomAttribute("data-status")).collect(Collectors.joining(",")))
                .toList();
        List<String> expected = laws.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().get("decision") + ":"
                + List.of("ACT", "MEANS", "PURPOSE").stream()
                .map(el -> el + "=" + map(map(e.getValue().get("elements")).get(el)).get("status")).collect(Collectors.joining(",")))
                .toList();
        assertEquals(expected, shown, "every law side by side, each with its decision and elements, for " + what);
    }

    private static void assertParametersInForce(String law, String eventsDate) {
        List<Map<String, Object>> inForce = given().queryParam("jurisdiction", law).queryParam("date", eventsDate == null ? "" : eventsDate)
                .get("/parameters/in-force").then().statusCode(200).extract().as(new TypeRef<List<Map<String, Object>>>() {
                });
        WebElement box = driver.findElement(By.id("parameters"));
        if (box.getDomAttribute("open") == null) {
            box.findElement(By.tagName("summary")).click();
        }
        for (Map<String, Object> p : inForce) {
            if (p.get("value") == null) {
                continue;
            }
            String name = (String) p.get("name");
            WebElement value = driver.findElement(By.cssSelector("#parameters-list [data-parameter-value='" + name + "']"));
            assertTrue(oneLine(value.getText()).contains(oneLine((String) map(p.get("value")).get("citation"))),
                    "the citation of " + name + " in force under " + law + " is shown: " + value.getText());
        }
    }

    /** A rejected edit of the rule book shows a banner naming each problem; the accepted edit after it takes the banner away. */
    @Test
    void aRejectedEditOfTheRuleBookShowsABannerWithItsProblems() {
        String broken = RuleFiles.probeFile(RuleFiles.rule("TEST-PROBE-BROKEN", "flags", "    Answer( question == \"person.age\" $years : number )", ""));
        RuleFiles.write(RuleReloadTest.COPY, RuleFiles.PROBE, broken);
        try {
            given().post("/rules/reload").then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(false));
            Map<String, Object> problem = map(list(given().get("/rules").then().extract().jsonPath().getList("errors")).get(0));
            driver.get(url.toString());
            waitFor("the banner", d -> d.findElement(By.id("rejected")).isDisplayed());
            WebElement banner = driver.findElement(By.id("rejected"));
            assertTrue(banner.getText().contains(problem.get("file") + ":" + problem.get("line")), "the banner names the file and line: " + banner.getText());
            assertTrue(oneLine(banner.getText()).contains(oneLine((String) problem.get("message"))), "and the message");
        } finally {
            RuleFiles.write(RuleReloadTest.COPY, RuleFiles.PROBE, null);
            given().post("/rules/reload").then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(true));
        }
        driver.get(url.toString());
        waitFor("the page after an accepted reload", d -> !busy());
        assertFalse(driver.findElement(By.id("rejected")).isDisplayed(), "no banner once the edit is accepted");
    }

    /** At a phone's width (375 px) the page scrolls down, never sideways; a screenshot in Russian (the desktop one: trainer-page-ru.png). */
    @Test
    void atAPhonesWidthThePageFitsTheScreen() throws IOException {
        String id = (String) cases().get(0).get("id");
        chooseLanguage("ru");
        pickCase(id);
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        try {
            waitFor("the narrow layout", d -> Boolean.TRUE.equals(js("return matchMedia('(max-width: 640px)').matches")));
            js("document.querySelectorAll('#parameters, #conclusion').forEach((d) => { d.open = true; })");
            Number overflow = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, overflow.intValue(), "no horizontal scroll at 375 px; wider: " + js("""
                    return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.scroll'))
                      .slice(0, 5).map((e) => e.tagName + '#' + e.id + '.' + e.className).join(' ')"""));
            int height = Math.min(((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).intValue(), 5000);
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", height, "deviceScaleFactor", 1, "mobile", false));
            js("window.scrollTo(0, 0)");
            Files.write(Path.of("target", "trainer-page-ru-phone.png"), chrome.getScreenshotAs(OutputType.BYTES));
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The conclusion prints from the page: POST /identify/conclusion as HTML, shown in a window of its own (print.html). */
    @Test
    void theWrittenConclusionOpensFromThePageForPrinting() throws IOException {
        String id = (String) cases().get(0).get("id");
        pickCase(id);
        js("document.getElementById('conclusion').open = true");
        driver.findElement(By.id("print")).click();
        waitFor("the refusal of a conclusion without the identifier", d -> d.findElement(By.id("errors")).isDisplayed() && !busy());
        assertTrue(driver.findElement(By.id("errors")).getText().contains("identifier.name"), "the service names the missing field");

        driver.findElement(By.id("identifier-name")).sendKeys("Айгүл Осмонова");
        driver.findElement(By.id("identifier-organisation")).sendKeys("Социалдык өнүктүрүү башкармалыгы");
        driver.findElement(By.id("identifier-place")).sendKeys("Бишкек");
        String page = driver.getWindowHandle();
        Set<String> before = driver.getWindowHandles();
        driver.findElement(By.id("print")).click();
        waitFor("the conclusion's window", d -> d.getWindowHandles().size() > before.size());
        String conclusion = driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
        driver.switchTo().window(conclusion);
        try {
            waitFor("the conclusion", d -> d.findElement(By.tagName("body")).getText().contains("Айгүл Осмонова"));
            String text = driver.findElement(By.tagName("body")).getText();
            assertTrue(text.contains(documentWord("draft")), "marked DRAFT: " + text);
            assertTrue(text.contains(id), "it carries the case as its reference");
            assertEquals("solid", js("return getComputedStyle(document.querySelector('.draft')).borderTopStyle"),
                    "the conclusion keeps its own style (the DRAFT box), which the trainers' page's policy would refuse");
            Files.write(Path.of("target", "trainer-page-conclusion.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.close();
            driver.switchTo().window(page);
        }
    }

    /** A word of the written conclusion in English, as rules/i18n/en.yaml has it. */
    private static String documentWord(String key) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(Path.of("rules/i18n/en.yaml").toFile())
                    .path("document").path(key).asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ choosing the flip from the service

    /** One answer change, with the decisions the service gives before and after it. */
    record Flip(String caseId, String expected, String question, Object value, String before, String after) {
    }

    /**
     * Asks the service (not the browser) for a single-answer change that moves some case's decision, so the
     * test does not depend on any particular rule or case. Candidates, in this order, for every case whose
     * service decision matches its expected one:
     * <ol>
     * <li>a child whose status rests on age: make the person an adult ({@value #ADULT_AGE}), so means become
     * required (the Palermo child exception stops applying);</li>
     * <li>each YES answer that is evidence for a required, established element: answer it NO.</li>
     * </ol>
     * The first candidate that POST /identify/compare says changes the decision is used; the browser must then show
     * exactly that change.
     */
    private Flip findAFlipThatChangesADecision() {
        int tried = 0;
        for (Map<String, Object> summary : cases()) {
            Map<String, Object> kase = caseById((String) summary.get("id"));
            Map<String, Object> result = resultOf(kase);
            String expected = expectedDecision(kase);
            if (!Objects.equals(expected, result.get("decision"))) {
                continue; // a case the rule book currently disagrees with is for the rule-book tests to report
            }
            Map<String, Object> answers = map(kase.get("answers"));
            Map<String, Object> candidates = new LinkedHashMap<>();
            if (Boolean.TRUE.equals(result.get("child")) && String.valueOf(result.get("childBasis")).contains("AGE")) {
                for (String age : List.of("person.ageAtEvents", "person.age")) {
                    if (answers.get(age) instanceof Number) {
                        candidates.put(age, ADULT_AGE);
                    }
                }
            }
            Map<String, Map<String, Object>> elements = map(result.get("elements"));
            for (Map<String, Object> element : elements.values()) {
                if (!Boolean.FALSE.equals(element.get("required")) && "ESTABLISHED".equals(element.get("status"))) {
                    for (String q : TrainerPageTest.<String>list(element.get("evidence"))) {
                        if ("YES".equals(answers.get(q))) {
                            candidates.putIfAbsent(q, "NO");
                        }
                    }
                }
            }
            for (Map.Entry<String, Object> c : candidates.entrySet()) {
                tried++;
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put(c.getKey(), c.getValue());
                Map<String, Object> compared = given().contentType(ContentType.JSON)
                        .body(Map.of("interview", interviewOf(kase), "changes", changes))
                        .post("/identify/compare")
                        .then().statusCode(200)
                        .extract().as(new TypeRef<Map<String, Object>>() {
                        });
                String before = (String) map(compared.get("before")).get("decision");
                String after = (String) map(compared.get("after")).get("decision");
                if (!Objects.equals(before, after)) {
                    return new Flip((String) kase.get("id"), expected, c.getKey(), c.getValue(), before, after);
                }
            }
        }
        return fail("no sample case has a single answer (adult age, or a YES of an established element set to NO) "
                + "that changes its decision; tried " + tried + " flips");
    }

    /**
     * A Kyrgyz case whose result carries an offence and findings, and one YES/NO answer of it which, turned to the
     * other, changes both an offence status and the findings, as POST /identify/compare reports them.
     */
    private Flip findAKyrgyzFlipThatChangesTheOffenceAndTheFindings() {
        int tried = 0;
        for (Map<String, Object> summary : cases()) {
            if (!"KG".equals(summary.get("jurisdiction"))) {
                continue;
            }
            Map<String, Object> kase = caseById((String) summary.get("id"));
            Map<String, Object> result = resultOf(kase);
            if (list(result.get("offence")).isEmpty() || list(result.get("findings")).isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Object> answer : TrainerPageTest.<Object>map(kase.get("answers")).entrySet()) {
                String flipped = "YES".equals(answer.getValue()) ? "NO" : "NO".equals(answer.getValue()) ? "YES" : null;
                if (flipped == null) {
                    continue;
                }
                tried++;
                Map<String, Object> compared = compare(kase, answer.getKey(), flipped);
                Map<String, Object> before = map(compared.get("before"));
                Map<String, Object> after = map(compared.get("after"));
                if (!ids(list(before.get("findings"))).equals(ids(list(after.get("findings"))))
                        && !offenceStatuses(before).equals(offenceStatuses(after))) {
                    return new Flip((String) kase.get("id"), expectedDecision(kase), answer.getKey(), flipped,
                            (String) before.get("decision"), (String) after.get("decision"));
                }
            }
        }
        return fail("no Kyrgyz sample case with an offence and findings has a YES/NO answer whose flip changes both; tried "
                + tried + " flips");
    }

    // ------------------------------------------------------------------ the service, read with RestAssured

    private static Map<String, Object> compare(Map<String, Object> kase, String question, Object value) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("interview", interviewOf(kase), "changes", Map.of(question, value)))
                .post("/identify/compare")
                .then().statusCode(200)
                .extract().as(new TypeRef<Map<String, Object>>() {
                });
    }

    private static List<Map<String, Object>> cases() {
        return given().accept(ContentType.JSON).get("/cases")
                .then().statusCode(200)
                .extract().as(new TypeRef<List<Map<String, Object>>>() {
                });
    }

    private static Map<String, Object> caseById(String id) {
        return given().accept(ContentType.JSON).get("/cases/{id}", id)
                .then().statusCode(200)
                .extract().as(new TypeRef<Map<String, Object>>() {
                });
    }

    private static Map<String, Object> interviewOf(Map<String, Object> kase) {
        return Map.of("jurisdiction", kase.get("jurisdiction"), "answers", kase.get("answers"));
    }

    /** The live result GET /cases/{id} carries (null only when the case's answers are invalid). */
    private static Map<String, Object> resultOf(Map<String, Object> kase) {
        assertTrue(kase.get("result") instanceof Map, "case " + kase.get("id") + " has a result: " + kase.get("differences"));
        return map(kase.get("result"));
    }

    private static String expectedDecision(Map<String, Object> kase) {
        return (String) map(kase.get("expect")).get("decision");
    }

    /** "rule=STATUS" for each offence article, in the service's order. */
    private static List<String> offenceStatuses(Map<String, Object> result) {
        return list(result.get("offence")).stream()
                .map(o -> map(o).get("rule") + "=" + map(o).get("status")).collect(Collectors.toList());
    }

    private static List<String> ids(List<?> items) {
        return items.stream().map(i -> (String) map(i).get("id")).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, V>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return o instanceof List<?> l ? (List<T>) l : List.of();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    // ------------------------------------------------------------------ the page
    /** The rule book's words in a language, as the page reads them: GET /questionnaire?lang= labels. */
    private static Map<String, String> labels(String lang) {
        return given().get("/questionnaire?lang=" + lang).then().statusCode(200).extract().jsonPath().getMap("labels");
    }

    private static Map<String, Object> identify(Map<String, Object> interview) {
        return given().contentType(ContentType.JSON).body(interview).post("/identify").then().statusCode(200)
                .extract().as(new TypeRef<Map<String, Object>>() {
                });
    }

    /**
     * The English a translated page must not show: every word of the page's English table and of the rule book's
     * English labels, question texts and rule titles, with the small words of English.
     */
    private static Set<String> englishWords() {
        Set<String> words = new HashSet<>(PageMessagesTest.englishWords(PageMessagesTest.table("en")));
        List<String> texts = new ArrayList<>(labels("en").values());
        given().get("/questionnaire?lang=en").then().extract().jsonPath().getList("questions.text", String.class).forEach(texts::add);
        for (String text : texts) {
            for (String w : text.split("[^A-Za-z]+")) {
                if (w.length() >= 3) {
                    words.add(w.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return words;
    }

    /**
     * Every visible text node, and every option of a visible list, outside what is marked to stay as written
     * (translate="no": citations, ids, codes) or as English (lang="en": the sample cases' own names and summaries, the
     * service's error messages, the parameters' descriptions, which the rule book has in English only): none may hold
     * an English word.
     */
    private static void assertNoEnglishOnScreen(Set<String> english, String what) {
        js("document.querySelectorAll('#parameters, #conclusion').forEach((d) => { d.open = true; })");
        List<String> found = list(js("""
                const english = new Set(arguments[0]);
                const kept = (el) => el.closest('[translate="no"], [lang="en"]');
                const words = (text) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => english.has(w.toLowerCase()));
                const out = [];
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                  const el = n.parentElement;
                  if (!n.textContent.trim() || kept(el) || el.closest('option, noscript, script') || !el.checkVisibility()) continue;
                  const w = words(n.textContent);
                  if (w.length) out.push(w.join(' ') + ' in <' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '>: ' + n.textContent.trim().slice(0, 80));
                }
                for (const sel of document.querySelectorAll('select')) {
                  if (!sel.checkVisibility()) continue;
                  for (const o of sel.options) {
                    const w = kept(o) ? [] : words(o.text);
                    if (w.length) out.push(w.join(' ') + ' in option of #' + sel.id + ': ' + o.text.slice(0, 80));
                  }
                }
                return out;""", List.copyOf(english)));
        assertEquals(List.of(), found, "English on screen, " + what);
    }

    private void chooseLanguage(String code) {
        int revision = revision();
        boolean open = !driver.findElement(By.id("case")).isDisplayed() ? false : true;
        new Select(driver.findElement(By.id("language"))).selectByValue(code);
        waitFor("the page in " + code, d -> code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                && (!open || revision() > revision) && !busy());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }


    private static WebElement caseList() {
        return driver.findElement(By.id("case-list"));
    }

    private static WebElement decision() {
        return driver.findElement(By.id("decision"));
    }

    private static String shownDecision() {
        return decision().getDomAttribute("data-decision");
    }

    private static int revision() {
        String r = decision().getDomAttribute("data-revision");
        return r == null || r.isEmpty() ? 0 : Integer.parseInt(r);
    }

    private static boolean busy() {
        return !"false".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-busy"));
    }

    /** One attribute of every element the selector finds, in page order. */
    private static List<String> shown(String selector, String attribute) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .map(e -> e.getDomAttribute(attribute)).collect(Collectors.toList());
    }

    private static List<String> shownOffenceStatuses() {
        return driver.findElements(By.cssSelector("#offence [data-offence]:not(.removed)")).stream()
                .map(e -> e.getDomAttribute("data-offence") + "=" + e.getDomAttribute("data-status")).collect(Collectors.toList());
    }

    private static List<String> classes(WebElement element) {
        String c = element.getDomAttribute("class");
        return c == null ? List.of() : List.of(c.trim().split("\\s+"));
    }

    private static WebElement finding(String id) {
        return driver.findElement(By.cssSelector("#findings [data-finding='" + id + "']"));
    }

    /** Every offence article with its edition, status, elements and citation, and every finding with its title and citation. */
    private static void assertOffenceAndFindingsShown(Map<String, Object> result, String what) {
        assertEquals(offenceStatuses(result), shownOffenceStatuses(), "offence articles and their status, for " + what);
        for (Object o : list(result.get("offence"))) {
            Map<String, Object> offence = map(o);
            WebElement card = driver.findElement(By.cssSelector("#offence [data-offence='" + offence.get("rule") + "']:not(.removed)"));
            String text = oneLine(card.getText());
            for (String field : List.of("article", "edition", "citation")) {
                assertTrue(text.contains(oneLine((String) offence.get(field))), "the " + field + " of " + offence.get("rule") + " for " + what);
            }
            Map<String, Map<String, Object>> elements = map(offence.get("elements"));
            assertEquals(elements.keySet().stream().map(e -> e + "=" + elements.get(e).get("status")).collect(Collectors.toList()),
                    card.findElements(By.cssSelector("[data-offence-element]")).stream()
                            .map(e -> e.getDomAttribute("data-offence-element") + "=" + e.getDomAttribute("data-status"))
                            .collect(Collectors.toList()),
                    "the elements of " + offence.get("rule") + " for " + what);
        }
        List<Map<String, Object>> findings = list(result.get("findings"));
        assertEquals(ids(list(findings)), shown("#findings [data-finding]:not(.removed)", "data-finding"), "findings for " + what);
        for (Map<String, Object> f : findings) {
            String text = oneLine(finding((String) f.get("id")).getText());
            assertTrue(text.contains(oneLine((String) f.get("title"))) && text.contains(oneLine((String) f.get("citation"))),
                    "the title and citation of finding " + f.get("id") + " for " + what);
        }
    }

    private static WebElement answerRow(String question) {
        return driver.findElement(By.cssSelector("[data-question-row='" + question + "']"));
    }

    private void pickCase(String id) {
        new Select(caseList()).selectByValue(id);
        waitFor("case " + id + " to be decided", d -> Boolean.TRUE.equals(js("""
                const box = document.getElementById('decision');
                return box.dataset.case === arguments[0] && !!box.dataset.decision && document.body.dataset.busy === 'false';""", id)));
    }

    /** Changes one answer the way a trainer would: pick from the list, or type a number and leave the field. */
    private void setAnswer(String question, Object value) {
        WebElement control = driver.findElement(By.cssSelector("[data-question='" + question + "']"));
        if (!control.isDisplayed()) {
            driver.findElement(By.id("show-all")).click(); // a question the case does not answer is hidden until asked for
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", control);
        if ("select".equals(control.getTagName())) {
            new Select(control).selectByValue(String.valueOf(value));
        } else {
            control.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(value), Keys.TAB);
        }
    }

    private void waitFor(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, WAIT, POLL).until((ExpectedCondition<Boolean>) condition::apply);
        } catch (TimeoutException e) {
            Path shot = Path.of("target", "trainer-page-failure.png");
            try {
                saveScreenshot(shot);
            } catch (IOException | RuntimeException ignored) {
                // the timeout is the failure to report
            }
            throw new AssertionError("timed out waiting for " + what + "; status: '"
                    + driver.findElement(By.id("status")).getText() + "', errors: '"
                    + driver.findElement(By.id("errors")).getText() + "' (screenshot " + shot + ")", e);
        }
    }

    /** A PNG of the whole page: the window is made as tall as the document first. */
    private static void saveScreenshot(Path file) throws IOException {
        saveScreenshot(file, 1400);
    }

    private static void saveScreenshot(Path file, int width) throws IOException {
        Number height = (Number) ((JavascriptExecutor) driver)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, Math.min(Math.max(height.intValue() + 100, 1000), 4000)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
