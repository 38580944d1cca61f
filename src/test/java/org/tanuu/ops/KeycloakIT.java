package org.tanuu.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real identity provider: Keycloak's server distribution (unpacked by the build into target/keycloak, run on Java
 * 21+) in dev mode on a free loopback port with the realm of src/test/resources/keycloak/tanuu-realm.json, and the
 * packaged service configured for it as the README's Access section says. Real tokens (password grant) walk the
 * README's role table; the trainers' page signs in with the code flow in Chromium; readiness goes DOWN when
 * Keycloak stops. Where Keycloak cannot start, the test fails with the reason. The build starts Keycloak ahead, while
 * the unit tests run ({@link TestKeycloak}); run on its own, the test starts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {
    static final String SECRET = "tanuu-test-secret";
    static TestKeycloak.Instance keycloak;
    static String realm;
    static PackagedService service;

    @BeforeAll
    static void start() throws Exception {
        long begun = System.nanoTime();
        Path state = Path.of(System.getProperty("tanuu.keycloak.state", "target/keycloak/state.properties"));
        // The build started Keycloak ahead (TestKeycloak), while the unit tests ran: use it if its launcher still runs.
        Optional<TestKeycloak.Instance> early = TestKeycloak.running(state);
        if (early.isPresent()) {
            keycloak = early.get();
            System.out.printf("KeycloakIT: Keycloak started by the build (pid %d, port %d)%n", keycloak.pid(), keycloak.port());
        } else {
            Path home = Path.of(System.getProperty("tanuu.keycloak.home", "target/keycloak/keycloak-26.5.6"));
            keycloak = TestKeycloak.launch(home, Path.of("src/test/resources/keycloak/tanuu-realm.json"),
                    Path.of("target/keycloak/keycloak-it.log"), false);
            System.out.printf("KeycloakIT: Keycloak started by the test (pid %d, port %d)%n", keycloak.pid(), keycloak.port());
        }
        realm = keycloak.realm();
        // The service starts meanwhile, on two cores the two starts overlap: its OIDC tenant, which finds no provider
        // yet, is set up on the first request that needs it.
        CompletableFuture<PackagedService> serviceStarted = CompletableFuture.supplyAsync(() -> {
            try {
                return new PackagedService("-Dquarkus.oidc.tenant-enabled=true", "-Dquarkus.oidc.auth-server-url=" + realm,
                        "-Dquarkus.oidc.client-id=tanuu", "-Dquarkus.oidc.credentials.secret=" + SECRET, "-Dtanuu.rules.watch=false");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        try {
            awaitListening(keycloak, 360);
            System.out.printf("KeycloakIT: Keycloak listening after %.1f s%n", (System.nanoTime() - begun) / 1e9);
        } catch (AssertionError e) {
            serviceStarted.thenAccept(KeycloakIT::close);
            stop();
            throw e;
        }
        try {
            service = serviceStarted.get(180, TimeUnit.SECONDS);
            System.out.printf("KeycloakIT: Keycloak and the service both listening after %.1f s%n", (System.nanoTime() - begun) / 1e9);
        } catch (java.util.concurrent.ExecutionException e) {
            stop();
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError("the service did not start", e.getCause());
        }
    }

    /** Waits for Keycloak's start line, not for a time; fails with its last lines if it exits or takes too long. */
    static void awaitListening(TestKeycloak.Instance instance, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!instance.listening()) {
            if (instance.process().isEmpty() && !instance.listening()) {
                throw new AssertionError("Keycloak exited without starting:\n" + instance.tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Keycloak did not start within " + seconds + " s:\n" + instance.tail());
            }
            Thread.sleep(100);
        }
    }

    private static void close(PackagedService started) {
        try {
            started.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        if (keycloak != null) {
            keycloak.stop(60);
        }
    }

    /** Keycloak's tokens for a user of the realm (password grant): access, ID and refresh token. */
    static JsonPath tokens(String client, String secret, String user) {
        return given().formParam("grant_type", "password").formParam("client_id", client).formParam("client_secret", secret)
                .formParam("username", user).formParam("password", user).formParam("scope", "openid")
                .post(realm + "/protocol/openid-connect/token").then().statusCode(200).extract().jsonPath();
    }

    static ValidatableResponse call(String token, String method, String path) {
        var request = given().baseUri(service.url()).contentType("application/json").body(AccessByRoleIT.INTERVIEW).redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return (method.equals("POST") ? request.post(path) : request.get(path)).then();
    }

    @Order(1)
    @ParameterizedTest(name = "a {0} calling {1} {2} gets {3}")
    @CsvSource({
            "screener, POST, /identify, 200", "screener, GET, /questionnaire, 200", "screener, GET, /jurisdictions, 200",
            "screener, GET, /cases, 403", "screener, POST, /cases/replay, 403", "screener, GET, /rules, 403",
            "screener, POST, /rules/reload, 403",
            "trainer, POST, /identify, 200", "trainer, GET, /cases, 200", "trainer, POST, /cases/replay, 200",
            "trainer, GET, /rules, 200", "trainer, GET, /rules/coverage, 403", "trainer, POST, /rules/reload, 403",
            "reviewer, POST, /identify, 200", "reviewer, GET, /cases, 200", "reviewer, GET, /rules, 200",
            "reviewer, POST, /rules/reload, 200",
            "screener, GET, /, 403", "trainer, GET, /, 200", "reviewer, GET, /, 200"})
    void theReadmeRoleTableHoldsWithKeycloaksTokens(String role, String method, String path, int status) {
        call(tokens("tanuu", SECRET, role).getString("access_token"), method, path).statusCode(status);
    }

    @Order(2)
    @Test
    void anIdTokenOrATokenForAnotherClientIsRefused() {
        JsonPath own = tokens("tanuu", SECRET, "screener");
        call(own.getString("id_token"), "POST", "/identify").statusCode(401).body("errors[0].field", equalTo("authorization"));
        call(own.getString("refresh_token"), "POST", "/identify").statusCode(401);
        call(tokens("another-system", "another-test-secret", "screener").getString("access_token"), "POST", "/identify").statusCode(401);
        call(null, "POST", "/identify").statusCode(401);
    }

    @Order(3)
    @Test
    void aTrainerSignsInToThePageWithTheCodeFlowInChromiumAndSignsOut() throws IOException {
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        assertTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "the code-flow test needs Debian's chromium and chromium-driver (.ci/run installs them)");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile = Files.createTempDirectory("tanuu-chromium-kc-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build(), options);
        try {
            // Looks again every 50 ms, not Selenium's default half second: each step answers in milliseconds.
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(50));
            driver.get(service.url() + "/");
            wait.until(d -> d.getCurrentUrl().startsWith(realm) && !d.findElements(By.id("username")).isEmpty());
            driver.findElement(By.id("username")).sendKeys("trainer");
            driver.findElement(By.id("password")).sendKeys("trainer");
            driver.findElement(By.id("kc-login")).click();
            try {
                wait.until(d -> d.getCurrentUrl().startsWith(service.url()) && !d.findElements(By.id("case-list")).isEmpty()
                        && d.findElement(By.id("case-list")).isEnabled());
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the page did not show after sign-in: at " + driver.getCurrentUrl() + "\n"
                        + driver.findElement(By.tagName("body")).getText(), e);
            }
            assertTrue(driver.getCurrentUrl().startsWith(service.url()), driver.getCurrentUrl());
            // Signing out (the README's /logout) ends at Keycloak's login form: the page asks to sign in again.
            driver.get(service.url() + "/logout");
            wait.until(d -> d.getCurrentUrl().startsWith(realm) && !d.findElements(By.id("username")).isEmpty());
        } finally {
            driver.quit();
        }
    }

    /**
     * The page's code flow as a browser walks it, without one: {@link HttpClient} with a cookie jar, each redirect
     * followed by hand and checked. Sign in on Keycloak's own login form, reach the page, then sign out at the
     * README's {@code /logout} (RP-initiated logout): the session cookie is gone here, and Keycloak's single sign-on
     * session is gone too, since the next visit asks for the password again where before the logout it signed the
     * trainer straight back in. All over http on loopback, which browsers treat as a secure origin: the jar sends
     * {@code Secure} cookies to 127.0.0.1 as they do.
     */
    @Order(4)
    @Test
    void aTrainerSignsInWithTheCodeFlowReachesThePageAndSignsOutEndingBothSessions() throws Exception {
        CookieManager jar = new LoopbackCookies();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();

        // The page without a session: off to Keycloak's authorization endpoint, for this client, with a code.
        HttpResponse<String> toKeycloak = get(browser, URI.create(service.url() + "/"));
        assertEquals(302, toKeycloak.statusCode(), toKeycloak.body());
        URI authorize = location(toKeycloak);
        assertTrue(authorize.toString().startsWith(realm + "/protocol/openid-connect/auth?"), authorize.toString());
        assertTrue(authorize.getQuery().contains("response_type=code") && authorize.getQuery().contains("client_id=tanuu")
                && authorize.getQuery().contains("state="), authorize.toString());

        // Keycloak's login form, posted as a person would fill it in.
        HttpResponse<String> form = get(browser, authorize);
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(loginAction(form)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=trainer&password=trainer&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, back.statusCode(), "Keycloak accepted the password and sends the browser back: " + back.body());
        assertTrue(location(back).toString().startsWith(service.url() + "/") && location(back).getQuery().contains("code="),
                location(back).toString());

        // The service exchanges the code and opens a session; the page shows.
        HttpResponse<String> page = follow(browser, back, service.url());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"case-list\""), "the trainers' page: " + page.body());
        assertTrue(session(jar).isPresent(), "a session cookie: " + jar.getCookieStore().getCookies());
        assertEquals(200, get(browser, URI.create(service.url() + "/cases"), "application/json").statusCode(), "the session carries the trainer's role");

        // Keycloak keeps a single sign-on session: without the service's cookie, the trainer is signed straight back in.
        jar.getCookieStore().remove(null, session(jar).orElseThrow());
        HttpResponse<String> again = get(browser, location(get(browser, URI.create(service.url() + "/"))));
        assertEquals(302, again.statusCode(), "signed in again without the form: " + again.body());
        assertEquals(200, follow(browser, again, service.url()).statusCode());
        assertTrue(session(jar).isPresent());

        // Sign out: the provider's end-session endpoint, with the ID token as hint, then back to the page.
        HttpResponse<String> logout = get(browser, URI.create(service.url() + "/logout"));
        assertEquals(302, logout.statusCode(), logout.body());
        URI endSession = location(logout);
        assertTrue(endSession.toString().startsWith(realm + "/protocol/openid-connect/logout?"), endSession.toString());
        assertTrue(endSession.getQuery().contains("id_token_hint=") && endSession.getQuery().contains("post_logout_redirect_uri="),
                endSession.toString());
        assertTrue(session(jar).isEmpty(), "the session cookie is removed: " + jar.getCookieStore().getCookies());
        HttpResponse<String> fromKeycloak = get(browser, endSession);
        assertEquals(302, fromKeycloak.statusCode(), "Keycloak signs out without asking (the ID token names the session): "
                + fromKeycloak.body());
        assertTrue(location(fromKeycloak).toString().startsWith(service.url() + "/"), location(fromKeycloak).toString());

        // Back at the page: no session here, and none at Keycloak, whose login form asks for the password again.
        HttpResponse<String> after = follow(browser, fromKeycloak, realm);
        assertEquals(200, after.statusCode(), after.body());
        assertTrue(after.body().contains("kc-form-login"), "Keycloak's login form again, not the page: " + after.body());
        assertTrue(session(jar).isEmpty());
        assertEquals(401, get(browser, URI.create(service.url() + "/cases"), "application/json").statusCode(), "no session: a call is a 401");
    }

    /** Browsers treat http://127.0.0.1 as a secure origin and send it {@code Secure} cookies; so does this jar. */
    static final class LoopbackCookies extends CookieManager {
        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers) throws IOException {
            try {
                URI secure = "http".equals(uri.getScheme()) && InetAddress.getByName(uri.getHost()).isLoopbackAddress()
                        ? new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null) : uri;
                return super.get(secure, headers);
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }
    }

    /** The service's session cookie (Quarkus's q_session), if the jar holds one. */
    static Optional<HttpCookie> session(CookieManager jar) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith("q_session")).findFirst();
    }

    static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return get(browser, uri, "text/html");
    }

    static HttpResponse<String> get(HttpClient browser, URI uri, String accept) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in a " + response.statusCode() + ": " + response.body()));
        return response.uri().resolve(location);
    }

    /** Follows redirects from {@code response}, each a GET, until an answer that is not a redirect, which must come from {@code origin}. */
    static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response, String origin) throws IOException, InterruptedException {
        for (int hop = 0; hop < 10 && response.statusCode() / 100 == 3; hop++) {
            response = get(browser, location(response));
        }
        assertTrue(response.uri().toString().startsWith(origin), "ended at " + response.uri() + ", not " + origin);
        return response;
    }

    /** The URL Keycloak's login form posts to (its {@code action}, HTML-escaped in the page). */
    static URI loginAction(HttpResponse<String> form) {
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>").matcher(form.body());
        assertTrue(tag.find(), "Keycloak's login form: " + form.body());
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(tag.group());
        assertTrue(action.find(), tag.group());
        return form.uri().resolve(action.group(1).replace("&amp;", "&"));
    }

    @Order(5)
    @Test
    void readinessIsDownWhileKeycloakCannotBeReached() throws InterruptedException {
        String ready = service.managementUrl() + "/q/health/ready";
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        assertTrue(keycloak.stop(60), "Keycloak stopped");
        given().get(ready).then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'identity provider' }.status", equalTo("DOWN"));
        assertEquals("UP", given().get(ready).then().extract().path("checks.find { it.name == 'rule book' }.status"));
    }
}
