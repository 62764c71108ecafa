package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carbonsink.client.registry.model.RetirementView;
import org.carbonsink.client.trading.model.OrderView;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.InProcessKafkaBroker;
import org.carbonsink.testsupport.PostgresServer;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The public explorer in a real browser: Debian's headless Chromium, driven through its
 * chromedriver by Selenium (nothing is downloaded), against the whole system started as in
 * {@link LifecycleE2EIT} and seeded through the gateway with {@link Lifecycle}'s steps: one
 * registered forest project with its boundary, a verified report issued in four vintages, a
 * settled trade with orders left on both sides of the book, a retirement.
 * Skipped only where Chromium is not installed; CI installs it (.ci/run).
 *
 * <p>With {@code EXPLORER_SCREENSHOTS=<directory>} it also saves a screenshot of each page in both
 * languages there (docs/explorer/ holds the ones in the README).
 */
class ExplorerBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static Services services;
    static String explorer;
    static Seed seed;
    static Path downloads;
    static Path screenshots;

    /** What the lifecycle left in the system, as the API reports it. */
    record Seed(UUID projectId, String projectCode, String instrument, UUID retirementId, long firstRetiredSerial,
            String beneficiary) {
    }

    @BeforeAll
    static void startTheSystemAndSeedIt() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        PostgresServer postgres = TestInfrastructure.postgres();
        Map<String, Database> databases = Map.of(
                "registry", database(postgres.database("explorer_registry")),
                "verification", database(postgres.database("explorer_verification")),
                "trading", database(postgres.database("explorer_trading")));
        // the gateway's port is chosen first: the registry prints it in certificates' QR codes
        int gatewayPort = InProcessKafkaBroker.freePort();
        explorer = "http://127.0.0.1:" + gatewayPort + "/";
        services = Services.start(databases, TestInfrastructure.kafkaBootstrapServers(),
                new Services.Ports(gatewayPort, 0, 0, 0, 0),
                Stream.concat(Stream.of("--spring.main.banner-mode=off", "--EXPLORER_URL=" + explorer),
                        Lifecycle.SHORT_WINDOWS.stream()).toList());
        seed = seed(new Lifecycle(new ApiClient(services.gatewayUrl()), services.authUrl(), line -> { }));
        downloads = Files.createTempDirectory("explorer-downloads");
        String directory = System.getenv("EXPLORER_SCREENSHOTS");
        screenshots = directory == null || directory.isBlank() ? null : Files.createDirectories(Path.of(directory));
    }

    /**
     * Seeds the system through the gateway with the lifecycle's steps: a forest project drafted
     * with its boundary, disclosed (a public comment), validated, applied for and registered; a
     * monitoring report over 2022 to 2025 disclosed, taken up and approved, issued per vintage; a
     * settled trade with orders left on both sides of the book; a retirement.
     */
    private static Seed seed(Lifecycle lifecycle) {
        Lifecycle.Cast cast = lifecycle.registerParticipants();
        UUID projectId = lifecycle.draftProject(cast).getId();
        lifecycle.openDisclosure(cast, projectId);
        lifecycle.commentPublicly(projectId);
        lifecycle.fileValidationReport(cast, projectId);
        lifecycle.applyForRegistration(cast, projectId);
        String code = lifecycle.registerProject(projectId).getCode();
        lifecycle.awaitProjectKnownToVerification(projectId);
        UUID reportId = lifecycle.submitReport(cast, projectId).getId();
        lifecycle.discloseReport(cast, reportId);
        lifecycle.startVerification(cast, reportId);
        lifecycle.approveReport(cast, reportId);
        lifecycle.awaitIssuances(projectId, VINTAGES);
        String instrument = code + "-" + Lifecycle.VINTAGE;
        lifecycle.awaitInstrument(instrument);
        lifecycle.deposit(cast.buyer(), "100000.00");
        OrderView sell = lifecycle.placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        lifecycle.awaitOrder(cast.owner(), sell.getId(), "OPEN");
        lifecycle.placeOrder(cast.buyer(), instrument, "BUY", 400, "90.00");
        lifecycle.awaitSettledTrade(instrument);
        // a bid below the resting ask, so the book has both sides
        lifecycle.placeOrder(cast.buyer(), instrument, "BUY", 100, "80.00");
        RetirementView retirement = lifecycle.retire(cast, projectId, Lifecycle.VINTAGE, 150);
        return new Seed(projectId, code, instrument, retirement.getId(), retirement.getSerials().get(0).getFirst(),
                retirement.getBeneficiary());
    }

    /** The lifecycle's report covers 2022 to 2025: one issuance per vintage. */
    static final int VINTAGES = 4;

    @AfterAll
    static void stopEverything() throws IOException {
        if (services != null) {
            services.close();
        }
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void showsTheRegistryAndTheMarketToTheAnonymousPublicInBothLanguages() throws IOException, InterruptedException {
        WebDriver browser = chromium("en-US");
        try {
            // projects: the list, and a filter that empties it and one that brings the project back
            open(browser, "#/projects");
            assertThat(text(browser, "h1")).isEqualTo("Sink projects");
            assertThat(text(browser, "#project-table tbody")).contains(seed.projectCode(),
                    "Qiandongnan Chinese fir afforestation", "Forest", "Guizhou", "Registered");
            assertThat(browser.findElement(By.id("project-map")).getAttribute("class")).contains("leaflet-container");
            shoot(browser, "projects-en");
            choose(browser, "filter-ecosystem", "GRASSLAND");
            assertThat(browser.findElements(By.cssSelector("#project-table tbody tr"))).isEmpty();
            assertThat(text(browser, "#project-count")).isEqualTo("0 of 1 projects");
            choose(browser, "filter-ecosystem", "FOREST");
            assertThat(browser.findElements(By.cssSelector("#project-table tbody tr"))).hasSize(1);
            assertThat(browser.getCurrentUrl()).endsWith("#/projects?ecosystem=FOREST");

            // a project: its map with the boundary the registry holds, its issuance, report and retirement
            browser.findElement(By.linkText(seed.projectCode())).click();
            awaitRendered(browser, "#/projects/" + seed.projectId());
            WebElement map = browser.findElement(By.id("project-map"));
            assertThat(map.getAttribute("class")).contains("leaflet-container");
            JsonNode project = new ApiClient(services.gatewayUrl()).get("/api/registry/projects/" + seed.projectId())
                    .expect(200);
            int boundaries = project.hasNonNull("boundary") ? 1 : 0;
            assertThat(map.getAttribute("data-boundaries")).isEqualTo(String.valueOf(boundaries));
            assertThat(map.findElements(By.cssSelector("path.leaflet-interactive"))).hasSize(boundaries);
            if (boundaries == 1) {
                // drawn where it can be seen: the map is fitted to it, so it spans much of the map
                WebElement parcel = map.findElement(By.cssSelector("path.leaflet-interactive"));
                assertThat(parcel.getSize().getWidth()).isGreaterThan(map.getSize().getWidth() / 4);
            }
            JsonNode issued = new ApiClient(services.gatewayUrl()).get("/api/registry/issuances?projectId="
                    + seed.projectId()).expect(200);
            assertThat(browser.findElements(By.cssSelector("#issuance-table tbody tr"))).hasSize(VINTAGES);
            for (JsonNode issuance : issued.get("items")) {
                assertThat(text(browser, "#issuance-table")).contains(issuance.get("ownerSerials").get("serial").asString(),
                        grouped(issuance.get("verifiedCredits").asLong()), grouped(issuance.get("bufferQuantity").asLong()));
            }
            assertThat(text(browser, "#comment-list")).contains("Li Wei", "barren hillside since 2015");
            assertThat(text(browser, "#report-table")).contains("7,150.4684", "7,150");
            String calculation = browser.findElement(By.cssSelector("#report-table a[href$='/calculation-report']"))
                    .getAttribute("href");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(calculation))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(text(browser, "#retirement-table")).contains(seed.beneficiary(), "150");
            assertThat(text(browser, "#project-facts")).contains("10 %");
            shoot(browser, "project-en");

            // credits: supply as a table and a chart, a serial lookup, the audit chain
            open(browser, "#/credits");
            assertThat(text(browser, "#supply-table")).contains(seed.projectCode(), "2022", "2025", "150");
            WebElement chart = browser.findElement(By.id("supply-chart"));
            assertThat(chart.getAttribute("data-series")).isEqualTo(String.valueOf(VINTAGES));
            patiently(browser).until(b -> !chart.findElements(By.tagName("canvas")).isEmpty());
            assertThat(text(browser, "#audit-status")).contains("Intact");
            browser.findElement(By.id("serial-input")).sendKeys(String.valueOf(seed.firstRetiredSerial()));
            browser.findElement(By.cssSelector("#serial-form button[type=submit]")).click();
            patiently(browser).until(b -> text(b, "#serial-result").contains("Retired"));
            assertThat(text(browser, "#serial-result")).contains(seed.projectCode() + " · 2025");
            shoot(browser, "credits-en");
            browser.findElement(By.linkText("See the retirement")).click();

            // the retirement and its certificate, downloaded by the browser
            awaitRendered(browser, "#/retirements/" + seed.retirementId());
            assertThat(text(browser, "h1")).isEqualTo("150 tCO2e retired for " + seed.beneficiary());
            shoot(browser, "retirement-en");
            browser.findElement(By.id("certificate-link")).click();
            Path pdf = downloads.resolve("retirement-" + seed.retirementId() + ".pdf");
            await().atMost(PATIENCE).until(() -> Files.exists(pdf) && Files.size(pdf) > 0);
            try (PDDocument certificate = Loader.loadPDF(pdf.toFile())) {
                assertThat(new PDFTextStripper().getText(certificate).replaceAll("\\s+", " "))
                        .contains(seed.beneficiary(), "150 tCO2e", seed.projectCode());
                if (screenshots != null) {
                    ImageIO.write(new PDFRenderer(certificate).renderImageWithDPI(0, 110), "png",
                            screenshots.resolve("certificate.png").toFile());
                }
            }
            open(browser, "#/retirements");
            assertThat(text(browser, "#retirement-table")).contains(seed.beneficiary());
            shoot(browser, "retirements-en");

            // the market: depth on both sides, the trade, the day's candle and volume
            open(browser, "#/market");
            assertThat(text(browser, "#instrument-table")).contains(seed.instrument());
            shoot(browser, "market-en");
            open(browser, "#/market/" + seed.instrument());
            WebElement depth = browser.findElement(By.id("depth-chart"));
            WebElement candles = browser.findElement(By.id("candle-chart"));
            assertThat(depth.getAttribute("data-levels")).isEqualTo("2");
            assertThat(candles.getAttribute("data-candles")).isEqualTo("1");
            patiently(browser).until(b -> !depth.findElements(By.tagName("canvas")).isEmpty()
                    && !candles.findElements(By.tagName("canvas")).isEmpty());
            assertThat(text(browser, "#bid-table")).contains("80.00", "100");
            assertThat(text(browser, "#ask-table")).contains("85.50", "600");
            assertThat(text(browser, "#daily-table")).contains("85.50", "400");
            assertThat(text(browser, "#trade-table")).contains("85.50", "400", "34,200.00", "Settled");
            shoot(browser, "instrument-en");

            // the language switch: everything in Chinese, and remembered on the next visit
            browser.findElement(By.id("lang-zh")).click();
            patiently(browser).until(b -> "zh-CN".equals(
                    b.findElement(By.tagName("html")).getAttribute("lang")) && text(b, "h1").startsWith("品种"));
            assertThat(text(browser, "nav")).contains("项目", "减排量", "注销", "市场");
            assertThat(text(browser, "#trade-table")).contains("已结算");
            assertThat(browser.findElement(By.id("lang-zh")).getAttribute("aria-pressed")).isEqualTo("true");
            shoot(browser, "instrument-zh");
            open(browser, "#/projects");
            assertThat(text(browser, "h1")).isEqualTo("碳汇项目");
            assertThat(text(browser, "#project-table tbody")).contains("森林", "已登记");
            shootEveryPageIn(browser, "zh");
        } finally {
            browser.quit();
        }
    }

    @Test
    void speaksChineseToABrowserThatAsksForIt() {
        WebDriver browser = chromium("zh-CN");
        try {
            open(browser, "#/retirements");
            assertThat(text(browser, "h1")).isEqualTo("注销记录");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
            browser.findElement(By.id("lang-en")).click();
            patiently(browser).until(b -> text(b, "h1").equals("Retirements"));
        } finally {
            browser.quit();
        }
    }

    /** Debian's Chromium, headless, with a fresh profile that asks for {@code language} first. */
    private static WebDriver chromium(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile;
        try {
            profile = Files.createTempDirectory(downloads, "profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=" + language,
                "--user-data-dir=" + profile);
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("intl.accept_languages", language);
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().scriptTimeout(PATIENCE);
        return browser;
    }

    /** Waits that look again when the page re-rendered under them (a language switch renders anew). */
    private static WebDriverWait patiently(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void open(WebDriver browser, String route) {
        browser.get(explorer + route);
        awaitRendered(browser, route);
    }

    /** Waits until the page has rendered {@code route} (app.js marks main when it is done). */
    private static void awaitRendered(WebDriver browser, String route) {
        patiently(browser).until(b -> {
            WebElement main = b.findElement(By.id("main"));
            return route.equals(main.getAttribute("data-route")) && "false".equals(main.getAttribute("aria-busy"));
        });
        assertThat(browser.findElements(By.cssSelector("#main .error")).stream().map(WebElement::getText))
                .as("errors on " + route).isEmpty();
    }

    private static void choose(WebDriver browser, String selectId, String value) {
        new Select(browser.findElement(By.id(selectId))).selectByValue(value);
        awaitRendered(browser, "#/projects?" + selectId.replace("filter-", "") + "=" + value);
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText().replaceAll("\\s+", " ").trim();
    }

    private static void shootEveryPageIn(WebDriver browser, String language) throws IOException {
        if (screenshots == null) {
            return;
        }
        for (String[] page : List.of(new String[] { "projects", "#/projects" },
                new String[] { "project", "#/projects/" + seed.projectId() }, new String[] { "credits", "#/credits" },
                new String[] { "retirements", "#/retirements" },
                new String[] { "retirement", "#/retirements/" + seed.retirementId() },
                new String[] { "market", "#/market" })) {
            open(browser, page[1]);
            shoot(browser, page[0] + "-" + language);
        }
    }

    /** The whole page as a PNG, when screenshots are asked for: the window is made as tall as the page. */
    private static void shoot(WebDriver browser, String name) throws IOException {
        if (screenshots == null) {
            return;
        }
        await().pollDelay(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> true);
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "window.scrollTo(0, 0); return Math.ceil(document.documentElement.scrollHeight)");
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 6000)));
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }

    /** A quantity as the English pages show it. */
    private static String grouped(long quantity) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(quantity);
    }

    private static Database database(PostgresServer.Database db) {
        return new Database(db.jdbcUrl(), db.username(), db.password());
    }
}
