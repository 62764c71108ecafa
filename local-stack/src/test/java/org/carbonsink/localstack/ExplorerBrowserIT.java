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
import java.util.ArrayList;
import java.util.Comparator;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The public explorer in a real browser: Debian's headless Chromium, driven through its
 * chromedriver by Selenium (nothing is downloaded), against the whole system started as in
 * {@link LifecycleE2EIT} and seeded through the gateway with {@link Lifecycle}'s steps: one
 * registered forest project with its boundary, a verified report issued in four vintages, a
 * settled trade with orders left on both sides of the book, a retirement, a block trade and an
 * auction's result. Skipped only where Chromium is not installed; CI installs it (.ci/run).
 *
 * <p>With {@code EXPLORER_SCREENSHOTS=<directory>} it also saves a screenshot of each page in both
 * languages there (docs/explorer/ holds the ones in the README).
 */
class ExplorerBrowserIT {

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
        Assumptions.assumeTrue(HeadlessChromium.installed(), HeadlessChromium.NOT_INSTALLED);
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
     * settled trade with orders left on both sides of the book; a retirement; a block trade and a
     * one-way auction.
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
        // off the book: a block agreement (the last book price, 85.50, is its reference) and a one-way
        // auction of 100 t from 80.00 that two bids take 90 t of, each paying its own price
        lifecycle.tradeOffTheBook(cast, instrument);
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
            // the report's stock grew, so there is no loss for the registry to reverse in its loss column
            List<String> reportColumns = browser.findElements(By.cssSelector("#report-table thead th")).stream()
                    .map(WebElement::getText).toList();
            assertThat(reportColumns).contains("Loss reversed (tCO2e)");
            assertThat(browser.findElements(By.cssSelector("#report-table tbody tr:first-child td")).get(
                    reportColumns.indexOf("Loss reversed (tCO2e)")).getText()).isEqualTo("—");
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
            // the block trade at its price beside the reference, and the auction's result
            assertThat(browser.findElements(By.cssSelector("#block-table tbody tr"))).hasSize(1);
            assertThat(text(browser, "#block-table tbody")).contains("200", "86.00", "85.50", "17,200.00", "Settled");
            assertThat(browser.findElements(By.cssSelector("#auction-table tbody tr"))).hasSize(1);
            // 60 at 82.00 and 30 at 81.00: 90 of 100 allocated, 7,350.00 turnover, 81.67 on average
            assertThat(text(browser, "#auction-table tbody")).contains("100", "80.00", "90", "2 / 2", "81.67",
                    "7,350.00");
            // what the trades delivered (or still deliver) beside what the close allocated: both 90 here
            List<String> auctionColumns = browser.findElements(By.cssSelector("#auction-table thead th")).stream()
                    .map(WebElement::getText).toList();
            int allocated = auctionColumns.indexOf("Allocated (t)");
            assertThat(auctionColumns.indexOf("Traded (t)")).as(auctionColumns.toString()).isEqualTo(allocated + 1);
            List<WebElement> auctionCells = browser.findElements(By.cssSelector("#auction-table tbody tr td"));
            assertThat(auctionCells.get(allocated).getText()).isEqualTo("90");
            assertThat(auctionCells.get(allocated + 1).getText()).isEqualTo("90");
            shoot(browser, "instrument-en");

            // the language switch: everything in Chinese, and remembered on the next visit
            browser.findElement(By.id("lang-zh")).click();
            patiently(browser).until(b -> "zh-CN".equals(
                    b.findElement(By.tagName("html")).getAttribute("lang")) && text(b, "h1").startsWith("品种"));
            assertThat(text(browser, "nav")).contains("项目", "减排量", "注销", "市场");
            assertThat(text(browser, "#trade-table")).contains("已结算");
            // allocated (中标) and traded (成交) are two columns, each named for what it counts
            assertThat(text(browser, "#auction-table thead")).contains("中标量（吨）", "成交量（吨）");
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

    /** A page of the explorer with the seeded data, and the elements it must show even on a phone. */
    record Page(String name, String route, List<String> keyElements) {
    }

    private static List<Page> pages() {
        return List.of(new Page("projects", "#/projects", List.of("#project-filters", "#project-map", "#project-table")),
                new Page("project", "#/projects/" + seed.projectId(),
                        List.of("#project-name", "#project-map", "#project-lifecycle", "#issuance-table")),
                new Page("credits", "#/credits", List.of("#supply-chart", "#supply-table", "#serial-input")),
                new Page("retirements", "#/retirements", List.of("#retirement-table")),
                new Page("retirement", "#/retirements/" + seed.retirementId(),
                        List.of("#retirement-title", "#certificate-link")),
                new Page("market", "#/market", List.of("#instrument-table")),
                new Page("instrument", "#/market/" + seed.instrument(),
                        List.of("#depth-chart", "#candle-chart", "#trade-table", "#block-table", "#auction-table")));
    }

    @Test
    void everyPageNamesItsControlsCaptionsItsTablesAndKeepsItsTextReadableInBothLanguages() {
        WebDriver browser = chromium("en-US");
        try {
            for (String language : List.of("en", "zh-CN")) {
                for (Page page : pages()) {
                    open(browser, page.route());
                    if (!language.equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
                        browser.findElement(By.id(language.equals("en") ? "lang-en" : "lang-zh")).click();
                        patiently(browser).until(b -> language.equals(b.findElement(By.tagName("html")).getAttribute("lang"))
                                && "false".equals(b.findElement(By.id("main")).getAttribute("aria-busy")));
                    }
                    String where = page.name() + " in " + language;
                    assertThat(findings(browser, UNNAMED_CONTROLS)).as("controls without an accessible name on " + where)
                            .isEmpty();
                    assertThat(findings(browser, UNCAPTIONED_TABLES)).as("tables without caption or headers on " + where)
                            .isEmpty();
                    assertThat(findings(browser, CHARTS_WITHOUT_TEXT)).as("charts without a label and a table on " + where)
                            .isEmpty();
                    assertThat(findings(browser, LOW_CONTRAST_TEXT)).as("text below WCAG AA contrast on " + where).isEmpty();
                    // the switch names each language in that language, so a screen reader speaks it right
                    assertThat(browser.findElement(By.id("lang-zh")).getAttribute("lang")).isEqualTo("zh-CN");
                    assertThat(browser.findElement(By.id("lang-en")).getAttribute("lang")).isEqualTo("en");
                }
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void canBeUsedWithTheKeyboardAlone() {
        WebDriver browser = chromium("en-US");
        try {
            open(browser, "#/projects");
            // the skip link comes first and shows itself when focused; it moves focus, not the route
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tab(browser);
                order.add(focused(browser));
            }
            assertThat(order).containsExactly("a#main", "a#/projects", "a#/projects", "a#/credits", "a#/retirements",
                    "a#/market", "button#lang-zh", "button#lang-en");
            reload(browser, "#/projects");
            tab(browser);
            assertThat((Boolean) script(browser, "const r = document.activeElement.getBoundingClientRect();"
                    + " return r.left >= 0 && r.top >= 0 && r.width > 0;")).as("the focused skip link is on screen").isTrue();
            assertThat(script(browser, FOCUS_RING)).as("a visible focus ring on the skip link").isEqualTo(true);
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            assertThat(focused(browser)).isEqualTo("main#main");
            assertThat(browser.getCurrentUrl()).endsWith("#/projects");

            // from the content, the search box comes first: type and press Enter
            tab(browser);
            assertThat(focused(browser)).isEqualTo("input#filter-q");
            new Actions(browser).sendKeys("Qiandongnan", Keys.ENTER).perform();
            awaitRendered(browser, "#/projects?q=Qiandongnan");
            assertThat(browser.findElements(By.cssSelector("#project-table tbody tr"))).hasSize(1);

            // the language switch, reached by Tab, operated by Enter and by Space, its focus ring visible
            reload(browser, "#/projects");
            for (int i = 0; i < 7; i++) {
                tab(browser);
            }
            assertThat(focused(browser)).isEqualTo("button#lang-zh");
            assertThat(script(browser, FOCUS_RING)).as("a visible focus ring on the green header").isEqualTo(true);
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            patiently(browser).until(b -> text(b, "h1").equals("碳汇项目"));
            assertThat(focused(browser)).isEqualTo("button#lang-zh");
            tab(browser);
            assertThat(focused(browser)).isEqualTo("button#lang-en");
            new Actions(browser).sendKeys(Keys.SPACE).perform();
            patiently(browser).until(b -> text(b, "h1").equals("Sink projects"));
            assertThat(browser.findElement(By.id("lang-en")).getAttribute("aria-pressed")).isEqualTo("true");
        } finally {
            browser.quit();
        }
    }

    @Test
    void fitsAPhoneScreenWithoutScrollingSideways() throws IOException {
        WebDriver browser = chromium("en-US");
        try {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", PHONE_WIDTH, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            for (Page page : pages()) {
                open(browser, page.route());
                assertThat(((Number) script(browser, "return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
                assertThat(((Number) script(browser, "return document.documentElement.scrollWidth")).intValue())
                        .as("page width of " + page.name() + " at " + PHONE_WIDTH + " px").isLessThanOrEqualTo(PHONE_WIDTH);
                for (String css : Stream.concat(Stream.of("h1", "nav", "#lang-zh", "#lang-en"),
                        page.keyElements().stream()).toList()) {
                    WebElement element = browser.findElement(By.cssSelector(css));
                    assertThat(element.isDisplayed()).as(css + " shown on " + page.name()).isTrue();
                    // a wide table scrolls inside its own box, which must fit the screen
                    assertThat((Boolean) script(browser, "const e = arguments[0].closest('.table-wrap') || arguments[0];"
                            + " const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= -0.5"
                            + " && r.right <= window.innerWidth + 0.5;", element))
                            .as(css + " within the screen on " + page.name()).isTrue();
                }
                if (screenshots != null && List.of("projects", "instrument").contains(page.name())) {
                    script(browser, "window.scrollTo(0, 0)");
                    await().pollDelay(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> true);
                    Files.write(screenshots.resolve(page.name() + "-phone-en.png"),
                            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
            }
        } finally {
            browser.quit();
        }
    }

    static final int PHONE_WIDTH = 375;

    /** Inputs, selects, text areas, buttons and links with no accessible name (label, aria, text or title). */
    static final String UNNAMED_CONTROLS = """
            const name = el => {
              const by = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(id => id)
                .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
              const labels = el.labels ? [...el.labels].map(l => l.textContent).join(' ').trim() : '';
              const own = ['BUTTON', 'A'].includes(el.tagName) ? (el.innerText || el.textContent || '').trim() : '';
              return by || (el.getAttribute('aria-label') || '').trim() || labels || own || (el.getAttribute('title') || '').trim();
            };
            return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], [role=button]')]
              .filter(el => !name(el)).map(el => el.outerHTML.slice(0, 160));
            """;

    /** Tables without a caption, or without column headers scoped to their columns. */
    static final String UNCAPTIONED_TABLES = """
            return [...document.querySelectorAll('#main table')]
              .filter(t => !t.caption || !t.caption.textContent.trim() || t.querySelectorAll('thead th[scope=col]').length === 0)
              .map(t => t.id || t.outerHTML.slice(0, 160));
            """;

    /** Charts and maps without a label, and charts whose figures are not also in a table of their section. */
    static final String CHARTS_WITHOUT_TEXT = """
            return [...document.querySelectorAll('#main .chart, #main .map')]
              .filter(c => !(c.getAttribute('aria-label') || '').trim()
                || (c.classList.contains('chart') && !c.closest('section').querySelector('table')))
              .map(c => c.id);
            """;

    /**
     * Visible text whose colour has less contrast with the background behind it than WCAG AA asks
     * (4.5:1; 3:1 for large text), by the WCAG 2 formula; canvas and the map's panes are pictures.
     */
    static final String LOW_CONTRAST_TEXT = """
            const rgba = c => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;
              const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const behind = el => { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
            const low = [];
            const seen = new Set();
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
              const el = walk.currentNode.parentElement;
              if (!walk.currentNode.textContent.trim() || seen.has(el)) continue;
              seen.add(el);
              if (el.closest('.leaflet-pane, canvas, noscript, [aria-hidden=true], button:disabled')) continue;
              const box = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (box.width === 0 || box.height === 0 || box.right <= 0 || style.visibility === 'hidden') continue;
              const fg = rgba(style.color), bg = behind(el);
              const a = lum(fg), b = lum(bg);
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
              if (ratio < needed) low.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 40) + '" '
                + ratio.toFixed(2));
            }
            return low;
            """;

    /** Whether the focused element draws an outline of at least 2 px contrasting 3:1 with what is behind it. */
    static final String FOCUS_RING = """
            const el = document.activeElement, style = getComputedStyle(el);
            const rgba = c => { const p = /rgba?\\(([^)]+)\\)/.exec(c)[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2] }; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            let bg = { r: 255, g: 255, b: 255 };
            for (let e = el.parentElement; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
              if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') { bg = rgba(c); break; } }
            const a = lum(rgba(style.outlineColor)), b = lum(bg);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
              && (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 3;
            """;

    private static Object script(WebDriver browser, String body, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(body, arguments);
    }

    /** What a check script found wrong, one line each. */
    private static List<?> findings(WebDriver browser, String check) {
        return (List<?>) script(browser, check);
    }

    /** Loads the page afresh, nothing focused: opening the same route again would only keep the page as it is. */
    private static void reload(WebDriver browser, String route) {
        browser.get(explorer + route);
        browser.navigate().refresh();
        awaitRendered(browser, route);
    }

    private static void tab(WebDriver browser) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
    }

    /** The focused element as tag#id, or tag + its link target, or tag.class. */
    private static String focused(WebDriver browser) {
        return (String) script(browser, """
                const el = document.activeElement, tag = el.tagName.toLowerCase();
                if (el.id) return tag + '#' + el.id;
                if (el.getAttribute('href')) return tag + el.getAttribute('href');
                return tag + '.' + el.className;
                """);
    }

    /** Debian's Chromium, headless, with a fresh profile that asks for {@code language} first. */
    private static WebDriver chromium(String language) {
        Path profile;
        try {
            profile = Files.createTempDirectory(downloads, "profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HeadlessChromium.start(profile, language, Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false), PATIENCE);
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
