package org.tanuu;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
class TrainerPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "trainer-page.png");
    private static final Duration WAIT = Duration.ofSeconds(20);
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
    void everySampleCaseShowsTheServicesDecisionElementsFlagsAndRules() {
        List<String> ids = cases().stream().map(c -> (String) c.get("id")).collect(Collectors.toList());
        assertFalse(ids.isEmpty(), "GET /cases lists at least one sample case");
        List<String> offered = new Select(caseList()).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).filter(v -> !v.isEmpty()).collect(Collectors.toList());
        assertEquals(ids, offered, "the case list offers every sample case, in the service's order");

        for (String id : ids) {
            Map<String, Object> result = resultOf(caseById(id));
            pickCase(id);
            assertEquals(result.get("decision"), shownDecision(), "decision shown for " + id);

            Map<String, Map<String, Object>> elements = map(result.get("elements"));
            for (String element : List.of("ACT", "MEANS", "PURPOSE")) {
                if (elements.containsKey(element)) {
                    WebElement card = driver.findElement(By.cssSelector("#elements [data-element='" + element + "']"));
                    assertEquals(elements.get(element).get("status"), card.getDomAttribute("data-status"), element + " status shown for " + id);
                }
            }
            List<String> flags = strings(result.get("flags"));
            List<String> shownFlags = driver.findElements(By.cssSelector("#flags [data-flag]")).stream()
                    .map(e -> e.getDomAttribute("data-flag")).collect(Collectors.toList());
            assertEquals(flags, shownFlags, "flags shown for " + id);

            List<String> rules = this.<Map<String, Object>>list(result.get("trace")).stream()
                    .map(t -> String.valueOf(t.get("id"))).collect(Collectors.toList());
            List<String> shownRules = driver.findElements(By.cssSelector("#trace tbody tr[data-rule]")).stream()
                    .map(e -> e.getDomAttribute("data-rule")).collect(Collectors.toList());
            assertEquals(rules, shownRules, "rules that fired, in firing order, for " + id);
            String trace = oneLine(driver.findElement(By.id("trace")).getText());
            for (Map<String, Object> rule : this.<Map<String, Object>>list(result.get("trace"))) {
                if (rule.get("citation") != null) {
                    assertTrue(trace.contains(oneLine(String.valueOf(rule.get("citation")))),
                            "the citation of " + rule.get("id") + " is shown for " + id);
                }
            }
        }
    }

    @Test
    void aTrainerWhoTypesAnImpossibleAgeSeesTheServicesOwnMessage() {
        List<Map<String, Object>> cases = cases();
        assumeFalse(cases.isEmpty(), "the service has no sample case to open");
        Map<String, Object> kase = caseById((String) cases.get(0).get("id"));
        Response refused = given().contentType(ContentType.JSON)
                .body(Map.of("interview", interviewOf(kase), "changes", Map.of("person.age", -1)))
                .post("/identify/compare");
        assumeTrue(refused.statusCode() == 400, "the service accepts person.age = -1, so there is no error to show");
        List<Map<String, Object>> errors = refused.jsonPath().getList("errors");
        assertFalse(errors.isEmpty(), "a 400 names its errors");
        String message = errors.stream()
                .filter(e -> String.valueOf(e.get("field")).contains("person.age"))
                .findFirst().orElse(errors.get(0))
                .get("message").toString();

        String id = (String) kase.get("id");
        pickCase(id);
        String before = shownDecision();
        setAnswer("person.age", -1);
        waitFor("the service's error to be shown", d -> d.findElement(By.id("errors")).isDisplayed() && !busy());

        assertTrue(driver.findElement(By.id("errors")).getText().contains(message),
                "the page shows the service's message: " + message);
        assertTrue(answerRow("person.age").getDomAttribute("class").contains("invalid"), "the refused answer is marked");
        assertEquals(before, shownDecision(), "the last good decision stays on the page");
        assertTrue(driver.findElement(By.id("stale")).isDisplayed(), "and is marked as out of date");
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
                    for (String q : strings(element.get("evidence"))) {
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

    // ------------------------------------------------------------------ the service, read with RestAssured

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
        Map<String, Object> interview = new LinkedHashMap<>();
        if (kase.get("jurisdiction") != null) {
            interview.put("jurisdiction", kase.get("jurisdiction"));
        }
        interview.put("answers", kase.get("answers") == null ? Map.of() : kase.get("answers"));
        return interview;
    }

    /** The case's own result, or the service's decision on its interview when the case does not carry one. */
    private static Map<String, Object> resultOf(Map<String, Object> kase) {
        if (kase.get("result") instanceof Map<?, ?> result && result.get("decision") != null) {
            return map(result);
        }
        return given().contentType(ContentType.JSON).body(interviewOf(kase)).post("/identify")
                .then().statusCode(200)
                .extract().as(new TypeRef<Map<String, Object>>() {
                });
    }

    private static String expectedDecision(Map<String, Object> kase) {
        Object expect = kase.get("expect");
        if (expect instanceof Map<?, ?> m) {
            return m.get("decision") == null ? null : String.valueOf(m.get("decision"));
        }
        return expect == null ? null : String.valueOf(expect);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, V>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(Object o) {
        return o instanceof List<?> l ? (List<T>) l : List.of();
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                out.add(x instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : String.valueOf(x));
            }
        }
        return out;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    // ------------------------------------------------------------------ the page

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

    private static WebElement answerRow(String question) {
        return driver.findElement(By.cssSelector("[data-question-row='" + question + "']"));
    }

    private void pickCase(String id) {
        new Select(caseList()).selectByValue(id);
        waitFor("case " + id + " to be decided", d -> id.equals(decision().getDomAttribute("data-case"))
                && shownDecision() != null && !shownDecision().isEmpty() && !busy());
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
            new WebDriverWait(driver, WAIT).until((ExpectedCondition<Boolean>) condition::apply);
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
        Number height = (Number) ((JavascriptExecutor) driver)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1400, Math.min(Math.max(height.intValue() + 100, 1000), 4000)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
