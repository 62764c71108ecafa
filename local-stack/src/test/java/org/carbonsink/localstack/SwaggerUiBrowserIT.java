package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI through the gateway in a real browser (Debian's headless Chromium, as in
 * {@link ExplorerBrowserIT}), against the authorization server, the three services and the gateway:
 * a person picks the trading API, tries a call that needs a token and is refused, logs in with
 * Authorize (authorization code with PKCE at the authorization server, the public client swagger-ui,
 * in the pop-up Swagger UI opens), and tries the call again, which now answers.
 */
class SwaggerUiBrowserIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The trader's own orders: GET /api/trading/orders needs a token and answers an empty page to a new trader. */
    static final String LIST_ORDERS = "operations-order-listOrder";

    static Services services;
    static Path profiles;

    @BeforeAll
    static void startEverything() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installed(), HeadlessChromium.NOT_INSTALLED);
        services = TestStack.start("swagger", List.of("--spring.main.banner-mode=off"));
        profiles = Files.createTempDirectory("swagger-ui-browser");
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (services != null) {
            services.close();
        }
        if (profiles != null) {
            try (Stream<Path> files = Files.walk(profiles)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aPersonAuthorizesWithTheCodeFlowAndPkceAndTriesACallThatNeedsAToken() throws IOException {
        WebDriver browser = HeadlessChromium.start(Files.createTempDirectory(profiles, "profile"), "en-US", Map.of(),
                PATIENCE);
        try {
            browser.get(services.gatewayUrl() + "/swagger-ui.html");
            // the page opens on the registry's description; the definition can be changed once it is shown
            patiently(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                    "registry-service"));
            WebElement select = patiently(browser).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".topbar select")));
            Select definitions = new Select(select);
            assertThat(definitions.getOptions().stream().map(WebElement::getText))
                    .containsExactlyInAnyOrder("registry", "verification", "trading");
            definitions.selectByVisibleText("trading");
            patiently(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                    "trading-service"));
            visible(browser, By.id(LIST_ORDERS));

            // without a token the gateway refuses the call
            click(browser, By.cssSelector("#" + LIST_ORDERS + " .opblock-summary-control"));
            click(browser, By.cssSelector("#" + LIST_ORDERS + " .try-out__btn"));
            assertThat(execute(browser)).isEqualTo("401");

            // Authorize: the oauth2 scheme with the public client the gateway configures
            String page = browser.getWindowHandle();
            click(browser, By.cssSelector(".auth-wrapper .authorize"));
            By oauth2 = By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(normalize-space(.),'oauth2')]]");
            WebElement scheme = visible(browser, oauth2);
            assertThat(scheme.getText()).contains("Flow: authorizationCode with PKCE");
            assertThat(scheme.findElement(By.id("client_id_authorizationCode")).getAttribute("value"))
                    .isEqualTo("swagger-ui");
            assertThat(scheme.findElement(By.cssSelector("input[id^='api-authorizationCode-checkbox']")).isSelected())
                    .isTrue();
            scheme.findElement(By.xpath(".//button[normalize-space(.)='Authorize']")).click();

            // the authorization server's login form opens in a pop-up; the seeded trader logs in there
            patiently(browser).until(b -> b.getWindowHandles().size() == 2);
            String popUp = browser.getWindowHandles().stream().filter(handle -> !handle.equals(page)).findFirst()
                    .orElseThrow();
            browser.switchTo().window(popUp);
            visible(browser, By.id("username")).sendKeys("trader");
            browser.findElement(By.id("password")).sendKeys("trader-password");
            browser.findElement(By.cssSelector("button[type='submit']")).click();
            // the pop-up comes back to the gateway's oauth2-redirect.html, which hands the code over and closes
            patiently(browser).until(b -> b.getWindowHandles().size() == 1);
            browser.switchTo().window(page);
            WebElement authorized = visible(browser, oauth2);
            patiently(browser).until(b -> authorized.getText().contains("Authorized"));
            assertThat(authorized.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).getText())
                    .isEqualTo("Logout");
            click(browser, By.cssSelector(".modal-ux .btn-done"));
            patiently(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
            assertThat(browser.findElement(By.cssSelector(".auth-wrapper .authorize")).getAttribute("class"))
                    .contains("locked");

            // the same call with the trader's token: 200 and the trader's (empty) list of orders
            click(browser, By.cssSelector("#" + LIST_ORDERS + " .btn-clear"));
            assertThat(execute(browser)).isEqualTo("200");
            assertThat(browser.findElement(By.cssSelector("#" + LIST_ORDERS + " .curl-command")).getText())
                    .contains("Authorization: Bearer ey");
            assertThat(browser.findElement(By.cssSelector("#" + LIST_ORDERS + " .live-responses-table"))
                    .getText().replaceAll("\\s+", "")).contains("\"items\":[]", "\"total\":0");
        } catch (RuntimeException | AssertionError e) {
            keepForTheReader(browser);
            throw e;
        } finally {
            browser.quit();
        }
    }

    /** What the browser showed when the test failed: target/swagger-ui-failure.png and .html. */
    private static void keepForTheReader(WebDriver browser) throws IOException {
        Files.write(Path.of("target/swagger-ui-failure.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(Path.of("target/swagger-ui-failure.html"), browser.getPageSource());
    }

    /** Executes the opened operation and answers the status the page shows once the answer is there. */
    private static String execute(WebDriver browser) {
        click(browser, By.cssSelector("#" + LIST_ORDERS + " button.execute"));
        return visible(browser, By.cssSelector("#" + LIST_ORDERS + " .live-responses-table tbody .response-col_status"))
                // the code, and under it "Undocumented" where the description names no such answer
                .getText().trim().split("\\s+")[0];
    }

    private static void click(WebDriver browser, By element) {
        patiently(browser).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static WebElement visible(WebDriver browser, By element) {
        return patiently(browser).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    private static WebDriverWait patiently(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
