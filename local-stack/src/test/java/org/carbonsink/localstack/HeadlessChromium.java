package org.carbonsink.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver by Selenium: nothing is downloaded.
 * The browser tests skip themselves only where the two are not installed (CI installs them, .ci/run).
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String NOT_INSTALLED =
            "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * A browser with a fresh profile in {@code profile} that asks for {@code language} first;
     * {@code preferences} are Chromium's own (downloads, for example).
     */
    static ChromeDriver start(Path profile, String language, Map<String, Object> preferences, Duration patience) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=" + language,
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>(preferences);
        prefs.put("intl.accept_languages", language);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().scriptTimeout(patience);
        return browser;
    }
}
